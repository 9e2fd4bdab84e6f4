"""Validates a SARIF file against the SARIF 2.1.0 JSON schema and prints one
line per result (rule, repo-relative file:line, fingerprint, fixes, notes).
Usage: validate_sarif.py SCHEMA FILE"""
import json
import sys

import jsonschema

with open(sys.argv[1]) as f:
    schema = json.load(f)
with open(sys.argv[2]) as f:
    log = json.load(f)
jsonschema.Draft4Validator.check_schema(schema)
jsonschema.Draft4Validator(schema).validate(log)
print("valid SARIF %s" % log["version"])
run = log["runs"][0]
for rule in run["tool"]["driver"]["rules"]:
    print("rule %s help=%s" % (rule["id"], "yes" if rule.get("help", {}).get("text") else "no"))
for r in run["results"]:
    loc = r["locations"][0]["physicalLocation"]
    print("result %s %s %s:%d fixes=%d notes=%d fp=%s" % (
        r["ruleId"], r["level"], loc["artifactLocation"]["uri"], loc["region"]["startLine"],
        len(r.get("fixes", [])), len(r.get("relatedLocations", [])),
        sorted(r["partialFingerprints"].values())[0]))
