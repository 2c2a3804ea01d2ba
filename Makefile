# Sala — the two commands a fresh machine needs are `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP_APP := $(VENV)/.stamp-app
STAMP_DEV := $(VENV)/.stamp-dev

.PHONY: run test fuzz kills faults bench translations system-deps clean dist deb

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP_APP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

$(STAMP_DEV): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@ $(STAMP_APP)

system-deps:
	@bash packaging/system-deps.sh

translations: $(STAMP_APP)
	$(PY) -m sala.ui.i18n_build

run: system-deps $(STAMP_APP) translations
	$(PY) -m sala

# Lint first: ruff (the rules in pyproject.toml) and mypy ([tool.mypy]); either failing fails the target
# before any test runs. pytest exits 5 when it collected nothing: that is a failure for us, said plainly.
# Then the field-day suite (tests/fieldday) drives the real window on xcb: Xvfb at 1366x768 with
# openbox as window manager (under offscreen the first run lists those tests as skipped).
# The target fails if either run fails.
test: system-deps $(STAMP_DEV) translations
	$(PY) -m ruff check desktop tests
	$(PY) -m mypy
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "no tests were collected"; rc=1; fi; \
	xvfb-run -a -s "-screen 0 1366x768x24" bash -c 'openbox >/dev/null 2>&1 & wm=$$!; \
	  QT_QPA_PLATFORM=xcb $(PY) -m pytest tests/fieldday -p no:randomly $(FIELDDAY_ARGS); r=$$?; \
	  kill $$wm 2>/dev/null; exit $$r'; fd=$$?; \
	if [ $$fd -eq 5 ]; then echo "field-day: no tests were collected"; fd=1; fi; \
	if [ $$rc -ne 0 ]; then exit $$rc; fi; exit $$fd

# Property-based fuzzing of sala-central's endpoints with many more cases than CI runs.
fuzz: $(STAMP_DEV)
	SALA_FUZZ_EXAMPLES=$${SALA_FUZZ_EXAMPLES:-2000} QT_QPA_PLATFORM=offscreen \
	$(PY) -m pytest -q -p no:randomly tests/integration/test_central_fuzz.py tests/integration/test_bundle_fuzz.py $(PYTEST_ARGS)

# The kill harness with 2,000 SIGKILLs (CI runs 200 in the suite): prints kills, lost, duplicated,
# integrity failures.
kills: $(STAMP_DEV)
	PYTHONPATH=desktop:. $(PY) -m tests.faults.kill_harness $${SALA_KILLS:-2000}

# The link-fault harness with 10,000 injected faults (CI injects 1,000): a seeded fault on every
# connection between real sync engines and a real sala-central; 0 lost, 0 doubled, hashes equal.
faults: $(STAMP_DEV)
	SALA_FAULTS=$${SALA_FAULTS:-10000} QT_QPA_PLATFORM=offscreen \
	$(PY) -m pytest -q -s -p no:randomly tests/faults/test_link_faults.py $(PYTEST_ARGS)

bench: system-deps $(STAMP_DEV) translations
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.perf.run $(BENCH_ARGS)

# The one-folder app in dist/Sala (PyInstaller); `dist/Sala/Sala --self-check` says whether it is whole.
dist: $(STAMP_DEV) translations
	bash packaging/build.sh

# A Debian package of that app (/opt/sala, /usr/bin/sala, a menu entry): dist/sala_<version>_<arch>.deb
deb: dist
	bash packaging/build-deb.sh dist/Sala dist

clean:
	rm -rf $(VENV) build dist desktop/*.egg-info
