"""Run a program under a memory and a CPU-time limit:

    python -I _limited.py MEMORY_MB CPU_SECONDS PROGRAM [ARGUMENT …]

The limits are set here, in the new process, and kept across exec (and by the program's own
children), so nothing of the program runs without them. Imports nothing of Referat.
"""

import os
import resource
import sys

MB = 1024 * 1024


def main(argv: list[str]) -> None:
    memory_mb, cpu_seconds, *command = argv[1:]
    resource.setrlimit(resource.RLIMIT_AS, (int(memory_mb) * MB, int(memory_mb) * MB))
    resource.setrlimit(resource.RLIMIT_CPU, (int(cpu_seconds), int(cpu_seconds) + 1))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    os.execv(command[0], command)


if __name__ == "__main__":
    main(sys.argv)
