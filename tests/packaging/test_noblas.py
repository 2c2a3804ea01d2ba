"""numpy over the bundle's BLAS stand-in (packaging/noblas.c) gives the results plain Python gives.

numpy is copied into a temporary folder as the spec ships it: OpenBLAS replaced by the stub of the
same name, gfortran and quadmath gone, the LAPACK modules replaced by the stand-in. A child Python
imports that numpy (checked through its memory map: the stub loaded, no OpenBLAS, no gfortran) and
compares every product numpy hands to BLAS — matrix·matrix, matrix·vector, dot, vdot, A·Aᵀ and Aᵀ·A
(syrk), transposed, Fortran-ordered and reversed inputs — in float32, float64, complex64 and
complex128 with sums computed in Python.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import noblas  # noqa: E402

CHILD = r'''
import sys
import numpy as np

maps = open("/proc/self/maps").read()
stub_dir = sys.argv[1]
assert stub_dir in maps and "openblas" in maps, "the stub is not the BLAS numpy loaded"
assert "libgfortran" not in maps and "libquadmath" not in maps
rng = np.random.default_rng(13)


def ref_mm(a, b):
    a, b = a.tolist(), b.tolist()
    return [[sum(a[i][l] * b[l][j] for l in range(len(b))) for j in range(len(b[0]))] for i in range(len(a))]


def close(got, want, dtype):
    tol = 1e-4 if dtype in (np.float32, np.complex64) else 1e-10
    got, want = np.asarray(got, dtype=np.complex128), np.asarray(want, dtype=np.complex128)
    assert got.shape == want.shape, (got.shape, want.shape)
    assert np.all(np.abs(got - want) <= tol * (1 + np.abs(want))), (dtype, got, want)


checked = 0
for dtype in (np.float32, np.float64, np.complex64, np.complex128):
    def make(*shape):
        x = rng.standard_normal(shape)
        if np.issubdtype(dtype, np.complexfloating):
            x = x + 1j * rng.standard_normal(shape)
        return x.astype(dtype)
    a, b, c = make(7, 5), make(5, 6), make(6, 5)
    v, w = make(5), make(5)
    cases = [
        (a @ b, ref_mm(a, b)),                                  # gemm
        (a @ c.T, ref_mm(a, c.T.copy())),                       # gemm, B transposed
        (a.T @ make(7, 3), None),                               # gemm, A transposed (checked below)
        (np.asfortranarray(a) @ np.asfortranarray(b), ref_mm(a, b)),
        (a @ v, [sum(x * y for x, y in zip(row, v.tolist())) for row in a.tolist()]),   # gemv
        (a.T @ a[:, 0], ref_mm(a.T.copy(), a[:, :1].copy())[0:5]),                       # gemv, transposed
        (np.dot(v, w), sum(x * y for x, y in zip(v.tolist(), w.tolist()))),             # dot / dotu
        (np.vdot(v, w), sum(x.conjugate() * y for x, y in zip(v.tolist(), w.tolist()))),  # dotc
        (np.dot(v[::-1], w), sum(x * y for x, y in zip(v.tolist()[::-1], w.tolist()))),  # a negative stride
        (a @ a.T, ref_mm(a, a.T.copy())),                       # syrk (numpy's A·Aᵀ path)
        (a.T @ a, ref_mm(a.T.copy(), a)),                       # syrk, the other side
    ]
    t = make(7, 3)
    cases[2] = (a.T @ t, ref_mm(a.T.copy(), t))
    cases[5] = (a.T @ a[:, 0], [r[0] for r in ref_mm(a.T.copy(), a[:, :1].copy())])
    for got, want in cases:
        close(got, want, dtype)
        checked += 1
    big = make(64, 48)
    close(big @ big.T, ref_mm(big, big.T.copy()), dtype)
    checked += 1

try:
    np.linalg.inv(np.eye(3))
except np.linalg.LinAlgError as exc:
    assert "not available" in str(exc), exc
else:
    raise AssertionError("linalg without LAPACK answered")
print("checked", checked)
'''


@pytest.fixture
def slim_numpy(tmp_path: Path) -> tuple[Path, Path]:
    """numpy as the spec ships it, in ``tmp_path/site``; returns (site, the stub's folder)."""
    cc = shutil.which("cc") or shutil.which("gcc")
    if cc is None:
        pytest.skip("no C compiler: the spec then ships numpy whole")
    spec = importlib.util.find_spec("numpy")
    assert spec is not None and spec.origin is not None
    numpy_dir = Path(spec.origin).parent
    site = tmp_path / "site"
    shutil.copytree(numpy_dir, site / "numpy", ignore=shutil.ignore_patterns("tests", "__pycache__"))
    libs = site / "numpy.libs"
    shutil.copytree(numpy_dir.parent / "numpy.libs", libs)
    blas = [p for p in libs.iterdir() if noblas.OPENBLAS.match(p.name)]
    assert len(blas) == 1, list(libs.iterdir())
    stub = noblas.build_stub(blas[0].name, tmp_path / "stub", cc)
    for lib in libs.iterdir():
        lib.unlink()
    shutil.copy2(stub, libs / stub.name)
    for so in (site / "numpy" / "linalg").glob("*.so"):
        assert noblas.LAPACK_MODULES.match(f"numpy/linalg/{so.name}"), so.name
        so.unlink()
    noblas.write_standin(site / "numpy" / "linalg")
    return site, libs


def test_numpy_over_the_stub_matches_python(slim_numpy: tuple[Path, Path]) -> None:
    site, libs = slim_numpy
    done = subprocess.run([sys.executable, "-c", CHILD, str(libs)], env={"PYTHONPATH": str(site)},
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.split() == ["checked", "48"]


def test_apply_swaps_openblas_and_drops_lapack(tmp_path: Path) -> None:
    cc = shutil.which("cc") or shutil.which("gcc")
    if cc is None:
        pytest.skip("no C compiler")
    binaries = [("numpy.libs/libscipy_openblas64_-32a4b2a6.so", "/x/libscipy_openblas64_-32a4b2a6.so", "BINARY"),
                ("numpy/linalg/_umath_linalg.cpython-311-x86_64-linux-gnu.so", "/x/u.so", "EXTENSION"),
                ("numpy/linalg/lapack_lite.cpython-311-x86_64-linux-gnu.so", "/x/l.so", "EXTENSION"),
                ("numpy/_core/_multiarray_umath.cpython-311-x86_64-linux-gnu.so", "/x/m.so", "EXTENSION")]
    new_binaries, pure = noblas.apply(binaries, [], tmp_path, cc)
    assert [d for d, _s, _k in new_binaries] == [binaries[0][0], binaries[3][0]]
    stub = Path(new_binaries[0][1])
    assert stub.parent == tmp_path / "noblas" and stub.stat().st_size < 200_000
    soname = subprocess.run(["objdump", "-p", str(stub)], capture_output=True, text=True).stdout
    assert "SONAME               libscipy_openblas64_-32a4b2a6.so" in soname
    assert pure == [(noblas.STANDIN_NAME, str(tmp_path / "noblas" / "_umath_linalg.py"), "PYMODULE")]
    # numpy without that OpenBLAS (another build): nothing is changed
    assert noblas.apply(binaries[1:], [], tmp_path, cc) == (binaries[1:], [])
