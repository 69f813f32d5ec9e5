#!/usr/bin/env python3
"""Score a register export (jsonl) against a ground-truth folder (see src/test/resources/dev-set/README.md).
usage: score.py EXPORT.jsonl TRUTH_DIR [--ocr] -> prints a table, last line 'fields: ...'

A copy of the scorer that came with the development set (its tools/score.py, written with the set and outside this
project), unchanged but for this docstring, so that jobs/bench-quality.sh needs nothing outside the clone. Its rules
are the definition of the dev set's figures; src/test/java/be/permitarchive/quality/DevSetScorer.java ports them to
Java for the suite test (DevSetQualityTest): change both or neither.
--ocr reads the searchable PDFs with pdftotext; a relative searchablePdf path is taken from $CLONE (default '.').
Exit status 1 when a dossier is missing or the worst field is under MIN_P (0.95) / MIN_R (0.80)."""
import collections, json, os, re, subprocess, sys, unicodedata

def norm(s):
    if s is None: return None
    s = unicodedata.normalize('NFKD', str(s)).encode('ascii', 'ignore').decode().lower()
    return re.sub(r'[^a-z0-9]', '', s) or None

def load_export(path):
    recs = {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if not line: continue
            r = json.loads(line)
            recs[r.get('folder')] = r
    return recs

def lev(a, b):
    if len(a) < len(b): a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]

def squash(t):
    return re.sub(r'\s+', ' ', t or '').strip()

SCALARS = ['reference', 'omvNumber', 'permitType', 'decision', 'decisionDate', 'pageCount']
KEY_SCALARS = ['reference', 'omvNumber', 'permitType', 'decision', 'decisionDate']
def sets(rec, truth):
    out = {}
    out['parcels'] = ({p.get('capakey') for p in rec.get('parcels') or [] if p.get('capakey')},
                      {p['capakey'] for p in truth.get('parcels') or []})
    out['addresses'] = ({(norm(a.get('street')), norm(a.get('houseNumber'))) for a in rec.get('addresses') or []},
                        {(norm(a['street']), norm(a['houseNumber'])) for a in truth.get('addresses') or []})
    out['applicants'] = ({norm(a.get('name')) for a in rec.get('applicants') or []},
                         {norm(a['name']) for a in truth.get('applicants') or []})
    return out

def main():
    export, truth_dir = sys.argv[1], sys.argv[2]
    do_ocr = '--ocr' in sys.argv
    recs = load_export(export)
    stats = {f: [0, 0, 0] for f in SCALARS + ['parcels', 'addresses', 'applicants']}  # correct, predicted, truth
    missing = []
    auto = silent = dossiers = 0   # registered with no review and all key fields right / registered but a key field wrong
    cer_num = cer_den = 0
    bow_hit = bow_den = 0
    for fn in sorted(os.listdir(truth_dir)):
        if not fn.endswith('.json'): continue
        t = json.load(open(os.path.join(truth_dir, fn), encoding='utf-8'))
        r = recs.get(t['folder'])
        if r is None:
            missing.append(t['folder']); r = {}
        for f in SCALARS:
            tv, rv = t.get(f), r.get(f)
            key = norm if f in ('reference', 'omvNumber') else (lambda x: None if x is None else str(x))
            if rv is not None: stats[f][1] += 1
            if tv is not None: stats[f][2] += 1
            if tv is not None and rv is not None and key(tv) == key(rv): stats[f][0] += 1
        dossier_sets = sets(r, t)
        for f, (pred, tru) in dossier_sets.items():
            pred.discard(None); tru.discard(None)
            stats[f][0] += len(pred & tru); stats[f][1] += len(pred); stats[f][2] += len(tru)
        dossiers += 1
        key_ok = all((norm if f == 'reference' else str)(t.get(f)) == (norm if f == 'reference' else str)(r.get(f))
                     for f in KEY_SCALARS if t.get(f) is not None)
        key_ok = key_ok and all(dossier_sets[f][0] == dossier_sets[f][1] for f in ('parcels', 'addresses'))
        if r.get('status') == 'registered':
            if key_ok: auto += 1
            else: silent += 1
        if do_ocr and r:
            pdfs = [d.get('searchablePdf') for d in r.get('documents') or [] if d.get('searchablePdf')]
            pdfs = list(dict.fromkeys(pdfs))
            texts = []
            for p in pdfs:
                if not os.path.isabs(p): p = os.path.join(os.environ.get('CLONE', '.'), p)
                try:
                    out = subprocess.run(['pdftotext', '-layout', p, '-'], capture_output=True, text=True, timeout=60).stdout
                    texts += out.split('\f')
                except Exception:
                    pass
            pages = sorted(t.get('pages') or [], key=lambda p: p.get('seq', p.get('index', 0)))
            for i, pg in enumerate(pages):
                if pg.get('kind') != 'text' or pg.get('handwritten'): continue
                truth_text = squash(pg.get('text'))
                got = squash(texts[i]) if i < len(texts) else ''
                cer_num += lev(truth_text, got) if got else len(truth_text); cer_den += len(truth_text)
                tw = collections.Counter(re.findall(r'\w+', truth_text.lower()))
                gw = collections.Counter(re.findall(r'\w+', got.lower()))
                bow_hit += sum((tw & gw).values()); bow_den += sum(tw.values())
    print(f"{'field':14} {'precision':>9} {'recall':>7}  (correct/predicted/truth)")
    worst_p, worst_r = 1.0, 1.0
    summary = []
    for f, (c, p, n) in stats.items():
        prec = c / p if p else 0.0; rec = c / n if n else 1.0
        worst_p = min(worst_p, prec if p else 1.0); worst_r = min(worst_r, rec)
        print(f"{f:14} {prec:9.2f} {rec:7.2f}  ({c}/{p}/{n})")
        summary.append(f"{f} P{prec:.2f}/R{rec:.2f}")
    if missing: print('dossiers missing from export:', ', '.join(missing))
    print(f"automation: {auto}/{dossiers} dossiers registered with no review and every key field right; "
          f"silent errors: {silent} registered with a key field wrong")
    summary.append(f"AUTO {auto / dossiers if dossiers else 0:.2f}; SILENT {silent}")
    bow = 1 - bow_hit / bow_den if bow_den else 1
    if do_ocr: print(f"OCR on typed text pages: CER {cer_num / cer_den if cer_den else 1:.3f} (reading-order sensitive), bag-of-words error {bow:.3f}")
    print('fields: ' + '; '.join(summary) + (f"; CER {cer_num / cer_den if cer_den else 1:.3f}; BOW {bow:.3f}" if do_ocr else ''))
    ok = not missing and worst_p >= float(os.environ.get('MIN_P', '0.95')) and worst_r >= float(os.environ.get('MIN_R', '0.80'))
    sys.exit(0 if ok else 1)

main()
