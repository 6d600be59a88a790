#!/usr/bin/env python3
"""Cuts the operations issue 19 talks to out of GitHub's OpenAPI description.

Usage: python3 subset.py SOURCE.json SOURCE-NAME > api.github.com.subset.json

SOURCE.json is descriptions/api.github.com/api.github.com.json of github/rest-api-description
(the OpenAPI 3.0 bundled description of api.github.com), or the copy of it in the npm package
@octokit/openapi (generated/api.github.com.json), which adds an `x-octokit` key to operations:
those keys are dropped here, so both give the same subset. SOURCE-NAME (repository, path and
commit or package version) is recorded under info.x-source so that the subset names its origin.

Only the operations below are kept, each path with only those methods, and every component
that they reference, followed transitively through $ref. Descriptions and examples stay as
GitHub wrote them: the examples are GitHub's own answers, which the tests use as stubs.
Standard library only, output sorted, so a refresh shows as a readable diff.
"""
import json
import sys

OPERATIONS = [
    # pull requests: one per fixed branch, found again by branch name
    "pulls/create", "pulls/get", "pulls/list",
    # issues: the tracking issue, and the comments that flag a changed pull request
    "issues/create", "issues/get", "issues/update", "issues/list-comments", "issues/create-comment",
    # git refs and branches: what a pushed branch points at
    "repos/get-branch", "git/get-ref",
    # the repository itself
    "repos/get",
    # releases: the binaries of each fixed version and the release notes
    "repos/get-release-by-tag", "repos/list-releases", "repos/update-release", "repos/get-release-asset",
    # repository security advisories (GHSA): the advisory, its publication, the CVE ID from GitHub as CNA
    "security-advisories/list-repository-advisories", "security-advisories/create-repository-advisory",
    "security-advisories/get-repository-advisory", "security-advisories/update-repository-advisory",
    "security-advisories/create-repository-advisory-cve-request",
    # issues: the tracking issue, found again by title
    "issues/list-for-repo",
]


def refs(node, found):
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            found.add(ref)
        for value in node.values():
            refs(value, found)
    elif isinstance(node, list):
        for value in node:
            refs(value, found)


def without_octokit(node):
    if isinstance(node, dict):
        return {k: without_octokit(v) for k, v in node.items() if k != "x-octokit"}
    if isinstance(node, list):
        return [without_octokit(v) for v in node]
    return node


def main(source, source_name):
    with open(source, encoding="utf-8") as f:
        spec = json.load(f)
    wanted = set(OPERATIONS)
    paths = {}
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if isinstance(operation, dict) and operation.get("operationId") in wanted:
                kept = paths.setdefault(path, {k: v for k, v in item.items() if k in ("parameters", "summary", "description")})
                kept[method] = operation
                wanted.discard(operation["operationId"])
    if wanted:
        sys.exit("operations not in the source: " + ", ".join(sorted(wanted)))

    components = {}
    todo = set()
    refs(paths, todo)
    done = set()
    while todo:
        ref = todo.pop()
        if ref in done:
            continue
        done.add(ref)
        if not ref.startswith("#/components/"):
            sys.exit("unexpected $ref " + ref)
        _, _, kind, name = ref.split("/", 3)
        target = spec["components"][kind][name]
        components.setdefault(kind, {})[name] = target
        refs(target, todo)

    subset = {
        "openapi": spec["openapi"],
        "info": {
            "title": "GitHub REST API, the operations of issue 19",
            "version": spec["info"]["version"],
            "license": spec["info"].get("license"),
            "x-source": source_name,
            "x-operations": OPERATIONS,
        },
        "servers": spec.get("servers", []),
        "paths": paths,
        "components": components,
    }
    json.dump(without_octokit(subset), sys.stdout, indent=1, sort_keys=True, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
