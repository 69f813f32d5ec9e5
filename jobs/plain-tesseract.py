#!/usr/bin/env python3
"""Plain tesseract on the typed pages of a delivery with ground truth: what the pipeline's OCR is compared with.
usage: plain-tesseract.py DELIVERY TRUTH_DIR [--jobs 2] [-v]

Every page the truth marks as typed text (kind "text", not handwritten) is OCR'd with `tesseract --psm 1 -l nld`
(automatic segmentation with orientation detection, no preprocessing), one tesseract process per job
(OMP_THREAD_LIMIT=1), the pages of a PDF rendered at 300 ppi in grey and a TIFF's page taken out with tiffcp, and
scored as jobs/score.py --ocr scores the pipeline's searchable PDFs: the bag-of-words error (the share of the
truth's words, counted with repetition, that the reading lacks) and the CER (edit distance over the truth's length,
whitespace squashed; sensitive to reading order). Prints one line per page with -v, and a last line
'plain tesseract ...: N typed pages, bag-of-words error X, CER Y'. TESS_EXTRA adds tesseract arguments.
Needs tesseract with nld, pdftoppm (poppler-utils) and tiffcp (libtiff-tools)."""
import collections, concurrent.futures, glob, json, os, re, subprocess, sys, tempfile

EXTRA = [a for a in os.environ.get('TESS_EXTRA', '').split() if a]


def squash(t):
    return re.sub(r'\s+', ' ', t or '').strip()


def lev(a, b):
    if len(a) < len(b): a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def ocr(path, page, tmp):
    ext = path.lower().rsplit('.', 1)[-1]
    if ext == 'pdf':
        base = os.path.join(tmp, 'p')
        subprocess.run(['pdftoppm', '-r', '300', '-gray', '-png', '-f', str(page), '-l', str(page), '-singlefile',
                        path, base], check=True, capture_output=True)
        img = base + '.png'
    elif ext in ('tif', 'tiff'):
        img = os.path.join(tmp, 'p.tif')
        subprocess.run(['tiffcp', f'{path},{page - 1}', img], check=True, capture_output=True)
    else:
        img = path
    return subprocess.run(['tesseract', img, '-', '--psm', '1', '-l', 'nld'] + EXTRA, capture_output=True, text=True,
                          env=dict(os.environ, OMP_THREAD_LIMIT='1')).stdout


def job(args):
    delivery, folder, pg = args
    with tempfile.TemporaryDirectory() as tmp:
        try:
            got = ocr(os.path.join(delivery, folder, pg['file']), pg['index'], tmp)
        except (OSError, subprocess.CalledProcessError) as ex:
            # a page that cannot be rendered reads as nothing, as the scorer counts a page missing from a PDF
            print(f"{folder}/{pg['file']} page {pg['index']}: not read ({ex})", file=sys.stderr)
            got = ''
    return folder, pg, got


def main():
    delivery, truth_dir = sys.argv[1], sys.argv[2]
    jobs = int(sys.argv[sys.argv.index('--jobs') + 1]) if '--jobs' in sys.argv else 2
    work = []
    for fn in sorted(glob.glob(os.path.join(truth_dir, '*.json'))):
        t = json.load(open(fn, encoding='utf-8'))
        for pg in t.get('pages') or []:
            if pg.get('kind') == 'text' and not pg.get('handwritten'):
                work.append((delivery, t['folder'], pg))
    hit = den = cer_num = cer_den = 0
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        for folder, pg, got in pool.map(job, work):
            truth = squash(pg['text'])
            read = squash(got)
            tw = collections.Counter(re.findall(r'\w+', truth.lower()))
            gw = collections.Counter(re.findall(r'\w+', read.lower()))
            h, d = sum((tw & gw).values()), sum(tw.values())
            hit += h; den += d
            cer_num += lev(truth, read) if read else len(truth); cer_den += len(truth)
            if '-v' in sys.argv:
                print(f"{folder[:24]:24} {pg['file'][-18:]:18} {pg['index']:2} bow_err={1 - h / d if d else 0:.3f}")
    print(f"plain tesseract --psm 1 -l nld: {len(work)} typed pages, bag-of-words error "
          f"{1 - hit / den if den else 1:.3f}, CER {cer_num / cer_den if cer_den else 1:.3f}")


main()
