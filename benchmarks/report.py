"""The results table, printed and written to benchmarks/RESULTS.md."""

from dataclasses import dataclass

from benchmarks.measure import Figures


@dataclass
class Row:
    label: str
    figures: Figures | None = None
    baseline: Figures | None = None
    note: str = ""  # why a row is n/a, or how it was measured


HEADER = ["Target", "Median", "p99", "Req/s", "Baseline median", "Baseline p99",
          "Baseline req/s", "Median × baseline", "Req/s × baseline", "Measured with"]


def _ms(value: float) -> str:
    return f"{value:.1f} ms" if value >= 10 else f"{value:.2f} ms"


def _rate(value: float) -> str:
    return f"{value:.0f}" if value >= 100 else f"{value:.1f}"


def table(rows: list[Row]) -> str:
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "|".join(
        ["---"] + ["---:"] * (len(HEADER) - 2) + ["---"]) + "|"]
    for row in rows:
        if row.figures is None:
            cells = [row.label] + ["n/a"] * (len(HEADER) - 2) + [row.note]
        else:
            f, b = row.figures, row.baseline
            errors = f" ({f.errors} failed)" if f.errors else ""
            if f.timeouts:
                errors = f" ({f.errors} failed, {f.timeouts} client time-outs)"
            cells = [row.label, _ms(f.median_ms), _ms(f.p99_ms), _rate(f.rps),
                     _ms(b.median_ms), _ms(b.p99_ms), _rate(b.rps),
                     f"{f.median_ms / b.median_ms:.1f}×", f"{f.rps / b.rps:.3f}×",
                     f.samples + errors + (f"; {row.note}" if row.note else "")]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def results_markdown(*, rows: list[Row], facts: dict[str, str], method: list[str]) -> str:
    return "\n".join([
        "# Benchmark results",
        "",
        "The latest run of `make bench` (`benchmarks/run.py`, options: `--help`); every run "
        "overwrites this file.",
        "",
        *[f"- **{name}:** {value}" for name, value in facts.items()],
        "",
        table(rows),
        "",
        "## How to read it",
        "",
        *[f"- {line}" for line in method],
        "",
    ])
