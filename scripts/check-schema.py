#!/usr/bin/env python3
"""Checks docs/scenario.schema.json and docs/study.schema.json (draft 2020-12) and validates
scenarios/*.yaml and studies/*.yaml against them.

Dev tool only (needs jsonschema and PyYAML). Dates stay strings and keys become strings, as
FaultLine reads them. Exit 0 when every file validates, 1 otherwise.
    python3 scripts/check-schema.py [files...]     (a file under studies/ is checked as a study)
"""
import glob
import json
import os
import sys

import jsonschema
import yaml


class ScenarioLoader(yaml.SafeLoader):
    """SafeLoader without the timestamp resolver, so `2026-01-01` stays text."""


ScenarioLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def stringify_keys(value):
    if isinstance(value, dict):
        return {str(key): stringify_keys(item) for key, item in value.items()}
    if isinstance(value, list):
        return [stringify_keys(item) for item in value]
    return value


def validator_for(root, name):
    with open(os.path.join(root, "docs", name), encoding="utf-8") as handle:
        schema = json.load(handle)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def main(paths):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    scenario = validator_for(root, "scenario.schema.json")
    study = validator_for(root, "study.schema.json")
    paths = paths or sorted(glob.glob(os.path.join(root, "scenarios", "*.yaml"))
                            + glob.glob(os.path.join(root, "studies", "*.yaml")))
    failures = 0
    for path in paths:
        validator = study if os.path.basename(os.path.dirname(os.path.abspath(path))) == "studies" else scenario
        with open(path, encoding="utf-8") as handle:
            document = stringify_keys(yaml.load(handle, Loader=ScenarioLoader))
        errors = sorted(validator.iter_errors(document), key=lambda error: list(error.path))
        for error in errors:
            location = ".".join(str(part) for part in error.path)
            print(f"{path}: {location}: {error.message}")
        failures += len(errors)
        print(f"{path}: {'ok' if not errors else f'{len(errors)} problem(s)'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
