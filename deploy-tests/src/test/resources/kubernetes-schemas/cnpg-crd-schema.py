#!/usr/bin/env python3
"""Writes the openAPIV3Schema of a CustomResourceDefinition's served version as a JSON Schema:
descriptions dropped, and every object that lists its properties closed (additionalProperties
false) unless it keeps unknown fields, so that a misspelt field is an error, not silently pruned.

usage: cnpg-crd-schema.py CRD_YAML VERSION API_VERSION KIND OUT_JSON"""
import json, sys
import yaml

crd_file, version, api_version, kind, out = sys.argv[1:]
crd = yaml.safe_load(open(crd_file))
schema = next(v for v in crd["spec"]["versions"] if v["name"] == version)["schema"]["openAPIV3Schema"]

def close(node):
    if isinstance(node, list):
        return [close(x) for x in node]
    if not isinstance(node, dict):
        return node
    r = {k: close(v) for k, v in node.items() if k != "description"}
    if r.get("type") == "object" and "properties" in r and "additionalProperties" not in r \
            and not r.get("x-kubernetes-preserve-unknown-fields"):
        r["additionalProperties"] = False
    return r

schema = close(schema)
schema["properties"]["apiVersion"] = {"type": "string", "enum": [api_version]}
schema["properties"]["kind"] = {"type": "string", "enum": [kind]}
# metadata is validated by the API server, not by the CRD: any object.
schema["properties"]["metadata"] = {"type": "object"}
schema = {"$schema": "http://json-schema.org/draft-04/schema#",
          "description": f"{kind} ({api_version}), from the CustomResourceDefinition's openAPIV3Schema", **schema}
with open(out, "w") as f:
    json.dump(schema, f, indent=1)
    f.write("\n")
