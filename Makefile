# Two commands do all the set-up on a fresh Debian/Ubuntu machine (Python 3.11+, pip):
#   make run    set up, then open the composer on the embedded sample article
#   make test   set up (system packages included), then run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

# Qt's offscreen/xcb platforms need these shared libraries; LibreOffice and poppler
# render exported briefs to PDF and PNG in the export tests.
QT_DEBS := libglib2.0-0 libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 fonts-dejavu-core
DOC_DEBS := libreoffice-writer-nogui poppler-utils fonts-crosextra-carlito fonts-crosextra-caladea fonts-liberation2

.PHONY: run test setup qt-deps system-deps lint bench clean

run: qt-deps setup
	$(BIN)/briefcomposer gui --sample

test: system-deps setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	touch $(STAMP)

# A real window on Linux (xcb) also needs these.
XCB_DEBS := libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-render-util0 libxcb-image0 libxcb-xinerama0

qt-deps:
	@$(MAKE) --no-print-directory system-deps DOC_DEBS="$(XCB_DEBS)"

# Installs with apt-get where we are root on a Debian-like system; elsewhere says what is missing.
system-deps:
	@if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		missing=$$(for p in $(QT_DEBS) $(DOC_DEBS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
		if [ -n "$$missing" ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
		fi; \
	else \
		echo "Not root or no apt-get: make sure Qt's libraries ($(QT_DEBS)) are installed; LibreOffice is optional."; \
	fi

lint: setup
	$(BIN)/ruff check src tests benchmarks tools

bench: setup
	for b in benchmarks/bench_*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
