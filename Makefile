# Referat. The two set-up commands of the README are `make run` and `make test`.
.PHONY: run test bench backup restore lint lock messages docs-images

run:            ## install, migrate, load the demo data and serve http://127.0.0.1:8000
	scripts/run.sh

test:           ## the whole test suite (PostgreSQL when it answers, see scripts/test.sh)
	scripts/test.sh

bench:          ## benchmarks/: pages on a large seeded data set, the PDFs, Bilag intake (BENCH="--scale 10")
	scripts/bootstrap.sh
	.venv/bin/python benchmarks/run.py $(BENCH)
	.venv/bin/python benchmarks/pdf.py --append-to benchmarks/RESULTS.md
	scripts/intake-setup.sh
	.venv/bin/python benchmarks/intake.py --append-to benchmarks/RESULTS.md

backup:         ## write database and media into one archive: make backup FILE=referat.tar
	scripts/bootstrap.sh
	.venv/bin/python manage.py backup $(FILE)

restore:        ## restore an archive into an empty database and media folder: make restore FILE=…
	scripts/bootstrap.sh
	.venv/bin/python manage.py restore $(FILE)

lint:
	.venv/bin/ruff check .

lock:           ## re-pin requirements/*.txt from pyproject.toml
	.venv/bin/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links -o requirements/base.txt pyproject.toml
	.venv/bin/pip-compile --quiet --strip-extras --extra dev --no-emit-index-url --no-emit-find-links -c requirements/base.txt -o requirements/dev.txt pyproject.toml

messages:       ## update and compile the English translation
	DEBUG=1 .venv/bin/python manage.py makemessages -l en --ignore '.venv/*' --ignore 'var/*' \
	    --ignore 'tests/*' --ignore 'benchmarks/*' --ignore 'demo/data/*'
	DEBUG=1 .venv/bin/python manage.py compilemessages -l en

docs-images:    ## PNGs of the first page of each PDF document kind, from the demo data, in docs/pdf/
	scripts/bootstrap.sh
	.venv/bin/python scripts/pdf_images.py
