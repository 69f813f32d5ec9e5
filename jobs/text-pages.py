#!/usr/bin/env python3
"""Renders every page the sample generator typed as text (in its PDF files) at 300 ppi into a delivery of its own.

Usage: text-pages.py CAMPAIGN DELIVERY OUT
  CAMPAIGN  the folder `archive samples` wrote (its ground-truth/ says which page is what)
  DELIVERY  the generated delivery (it may have been moved out of CAMPAIGN)
  OUT       where OUT/delivery/<dossier>/<file>-p<n>.png go
Used by jobs/bench.sh and jobs/bench-text.sh; needs pdftoppm (poppler-utils).
"""
import json
import pathlib
import subprocess
import sys

campaign, delivery, out = (pathlib.Path(a) for a in sys.argv[1:4])
for truth in sorted((campaign / "ground-truth").glob("*.json")):
    dossier = json.loads(truth.read_text())
    for document in dossier["documents"]:
        source = delivery / dossier["folder"] / document["file"]
        for page in document["pages"]:
            if page["kind"] != "text" or source.suffix.lower() != ".pdf":
                continue
            target = out / "delivery" / dossier["folder"]
            target.mkdir(parents=True, exist_ok=True)
            n = page["index"] + 1
            name = target / f"{source.stem}-p{n}"
            subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", "-singlefile", "-f", str(n), "-l", str(n),
                            str(source), str(name)], check=True)
