# Sala — the two commands a fresh machine needs are `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP_APP := $(VENV)/.stamp-app
STAMP_DEV := $(VENV)/.stamp-dev

.PHONY: run test bench translations system-deps clean dist

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

# pytest exits 5 when it collected nothing: that is a failure for us, said plainly.
test: system-deps $(STAMP_DEV) translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "no tests were collected"; exit 1; fi; exit $$rc

bench: system-deps $(STAMP_DEV) translations
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.perf.run $(BENCH_ARGS)

dist: $(STAMP_DEV) translations
	bash packaging/build.sh

clean:
	rm -rf $(VENV) build dist desktop/*.egg-info
