"""numpy without OpenBLAS in the bundle (Linux): 26 MiB of the 150 MB budget.

numpy's wheel links its core module against scipy-openblas (23 MiB, plus gfortran and quadmath).
Sala uses numpy only through pyqtgraph's bar charts and the audience word cloud: small arrays,
no linear algebra. So the bundle gets instead

- a library of the same name built from ``noblas.c``: the 22 CBLAS routines numpy's core calls
  (dot, matmul, vdot, inner on float and complex arrays), as plain loops with the reference
  BLAS's meaning (``tests/packaging/test_noblas.py`` holds their results to pure Python's);
- a ``numpy.linalg._umath_linalg`` that answers every call with ``LinAlgError`` saying that linear
  algebra is not in this build, in place of the LAPACK module (which needs OpenBLAS too);
  ``numpy.linalg.lapack_lite`` (imported by nothing) is left out.

Without a C compiler the spec keeps numpy whole (see ``packaging/sala.spec``).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "noblas.c"
OPENBLAS = re.compile(r"^libscipy_openblas\d*_?-[0-9a-f]+\.so$")
"""The wheel's OpenBLAS (auditwheel names it with a hash; the core module needs it by that name)."""
LAPACK_MODULES = re.compile(r"^numpy/linalg/(_umath_linalg|lapack_lite)\..*\.so$")
STANDIN_NAME = "numpy.linalg._umath_linalg"
STANDIN_SOURCE = '''"""numpy.linalg without LAPACK: Sala's bundle leaves OpenBLAS out (see packaging/noblas.py)."""


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)

    def unavailable(*args, **kwargs):
        from numpy.linalg import LinAlgError

        raise LinAlgError(f"numpy.linalg.{name} is not available in this build of Sala (no LAPACK)")

    return unavailable
'''


def build_stub(soname: str, out_dir: Path, cc: str) -> Path:
    """Compile ``noblas.c`` into ``out_dir/soname`` (that name inside too, as the core module asks)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    lib = out_dir / soname
    subprocess.run([cc, "-O2", "-shared", "-fPIC", "-fvisibility=hidden", f"-Wl,-soname,{soname}", "-o", str(lib),
                    str(SOURCE), "-lm"], check=True)
    return lib


def write_standin(out_dir: Path) -> Path:
    path = out_dir / "_umath_linalg.py"
    path.write_text(STANDIN_SOURCE, encoding="utf-8")
    return path


def apply(binaries: list, pure: list, work: Path, cc: str) -> tuple[list, list]:
    """The spec's binaries and pure modules with OpenBLAS swapped for the stub and LAPACK left out.

    Returns them unchanged when numpy's OpenBLAS is not among the binaries (another numpy build)."""
    found = [b for b in binaries if OPENBLAS.match(Path(b[0]).name)]
    if not found:
        return binaries, pure
    dest = found[0][0]
    stub = build_stub(Path(dest).name, work / "noblas", cc)
    binaries = [(d, str(stub) if d == dest else s, k) for d, s, k in binaries
                if not LAPACK_MODULES.match(d.replace("\\", "/"))]
    pure = [*pure, (STANDIN_NAME, str(write_standin(work / "noblas")), "PYMODULE")]
    return binaries, pure
