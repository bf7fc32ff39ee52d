#!/usr/bin/env python3
"""Score negative-tone on this blind batch (see README.md).

usage: python3 test/blind-tone/score.py [checkout]   (default: this repository; run `npm run build` first)

Each line of sentences.jsonl becomes its own draft (tNNN.md) in a temporary folder; smcheck is run
once over the folder with the sample school's config (test/blind/smcheck.yml) and JSON output.
A sentence counts as flagged when its draft has any negative-tone finding (error or warning).
Precision and recall are over 'grievance' (should be flagged) vs 'clean' (must not be); 'mild'
sentences (negativity that blames no one) are left out of P/R and listed with their severities.
"""
import json, os, subprocess, sys, tempfile, shutil

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(HERE))
items = [json.loads(l) for l in open(os.path.join(HERE, 'sentences.jsonl'), encoding='utf-8') if l.strip()]
tmp = tempfile.mkdtemp(prefix='smcheck-blind-tone-')
try:
    for it in items:
        with open(os.path.join(tmp, it['id'] + '.md'), 'w', encoding='utf-8') as f:
            f.write(it['text'] + '\n')
    cfg = os.path.join(ROOT, 'test', 'blind', 'smcheck.yml')
    out = subprocess.run(['node', os.path.join(ROOT, 'bin', 'smcheck.js'), '--format', 'json', '--config', cfg, tmp],
                         capture_output=True, text=True, cwd=ROOT)
    try:
        report = json.loads(out.stdout)
    except json.JSONDecodeError:
        sys.exit('smcheck did not print a JSON report:\n' + out.stdout[:2000] + out.stderr[:2000])
finally:
    shutil.rmtree(tmp, ignore_errors=True)

found = {}
for r in report['results']:
    name = os.path.splitext(os.path.basename(r['draft']))[0]
    sev = [f['severity'] for f in r.get('findings', []) if f['rule'] == 'negative-tone' and f['severity'] in ('error', 'warning')]
    found[name] = sev
tp = fp = fn = tn = 0
err_on_grievance = 0
lines = []
for it in items:
    sev = found.get(it['id'])
    if sev is None:
        sys.exit(f"{it['id']}: no result in the report")
    flagged = bool(sev)
    if it['label'] == 'grievance':
        if flagged:
            tp += 1
            err_on_grievance += 'error' in sev
            if 'error' not in sev:
                lines.append(f"  WARN-ONLY {it['id']} {it['text']}")
        else:
            fn += 1; lines.append(f"  MISS      {it['id']} {it['text']}")
    elif it['label'] == 'clean':
        if flagged:
            fp += 1; lines.append(f"  FALSE     {it['id']} {sev} {it['text']}")
        else:
            tn += 1
    else:
        lines.append(f"  mild      {it['id']} {sev or 'quiet'} {it['text']}")
p = tp / (tp + fp) if tp + fp else 1.0
r = tp / (tp + fn) if tp + fn else 1.0
f1 = 2 * p * r / (p + r) if p + r else 0.0
print(f"negative-tone blind batch: {len(items)} sentences")
print(f"TP {tp}  FP {fp}  FN {fn}  TN {tn}   P {p:.2f}  R {r:.2f}  F1 {f1:.2f}   errors on grievances {err_on_grievance}/{tp}")
print('\n'.join(lines))
