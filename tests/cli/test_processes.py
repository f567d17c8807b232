"""The process list: the Procfile says what treatydesk serve runs, and supervisord restarts
each process that dies."""

import configparser
import shlex

from tests.paths import ROOT
from treatydesk.cli import build_parser
from treatydesk.cli.processes import PROCESSES, commands, supervisord_config


def procfile() -> dict[str, list[str]]:
    entries = {}
    for line in (ROOT / "Procfile").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, command = line.split(":", 1)
            entries[name.strip()] = shlex.split(command)
    return entries


def test_the_procfile_runs_what_serve_runs():
    entries = procfile()
    assert set(entries) == set(PROCESSES)
    for name, args in PROCESSES.items():
        assert entries[name][0].endswith("/treatydesk")
        assert entries[name][1:1 + len(args)] == args, name


def test_every_process_is_a_treatydesk_command():
    parser = build_parser()
    for args in PROCESSES.values():
        assert parser.parse_args(args).handler is not None


def test_supervisord_restarts_each_process_and_stops_its_children(tmp_path):
    lines = commands("127.0.0.1", 8123, 3)
    config = configparser.RawConfigParser()
    config.read_string(supervisord_config(tmp_path, lines))
    assert config.get("supervisord", "nodaemon") == "true"
    for name in PROCESSES:
        section = f"program:{name}"
        assert config.get(section, "autorestart") == "true"
        assert config.get(section, "stopasgroup") == "true"
        assert config.get(section, "killasgroup") == "true"
    web = shlex.split(config.get("program:web", "command"))
    assert web[1:3] == ["serve", "--web-only"] and "8123" in web and "3" in web
