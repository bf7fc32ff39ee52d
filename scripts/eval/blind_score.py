#!/usr/bin/env python3
"""Score smcheck on a blind batch of labelled posts (test/blind-*/).

usage: python3 scripts/eval/blind_score.py <batch folder> [--checkout DIR] [--json FILE] [--quiet]

A batch folder holds posts/ (run with the batch's smcheck.yml), an optional noconfig/ (copied to a
temporary folder outside the repository and run with no config, as a teacher who has not set up
would), and expected.json in each, shaped as ../shared/eval/school-posts' labels:
  { "post.md": { "images": [...], "expect": [ {"rule", "excerpt", "optional"?} ], "mustNotFlag": [...] } }
An excerpt is an exact substring of the raw file, or "image:<path>" for a finding about a photo.
An excerpt inside an image path (a file name) also matches a finding about that photo.

Figures: draft x rule precision/recall (a draft 'predicts' a rule when any error/warning finding
of that rule is in its result; it is labelled when any required expectation of the rule is),
occurrences found, verdicts (FAIL iff any required label), and traps (any error/warning finding
overlapping a mustNotFlag string). A rule with no rules/<id>.yml in the checkout is 'not built'.
"""
import argparse, collections, json, os, shutil, subprocess, sys, tempfile

ap = argparse.ArgumentParser()
ap.add_argument('batch')
ap.add_argument('--checkout', default=os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
ap.add_argument('--json')
ap.add_argument('--quiet', action='store_true')
a = ap.parse_args()
BATCH, ROOT = os.path.abspath(a.batch), os.path.abspath(a.checkout)
COUNTED = ('error', 'warning')


def occ(text, s):
    res, i = [], text.find(s)
    while i >= 0:
        res.append((i, i + len(s)))
        i = text.find(s, i + 1)
    return res


def run(folder, config):
    cmd = ['node', os.path.join(ROOT, 'bin', 'smcheck.js'), '--format', 'json']
    if config:
        cmd += ['--config', config]
    out = subprocess.run(cmd + [folder], capture_output=True, text=True, cwd=ROOT)
    try:
        return json.loads(out.stdout)
    except json.JSONDecodeError:
        sys.exit(f'smcheck printed no JSON report for {folder}:\n{out.stdout[:1500]}\n{out.stderr[:1500]}')


sets = []
if os.path.isdir(os.path.join(BATCH, 'posts')):
    sets.append(('posts', os.path.join(BATCH, 'posts'), os.path.join(BATCH, 'smcheck.yml'), os.path.join(BATCH, 'expected.json')))
if os.path.isdir(os.path.join(BATCH, 'noconfig')):
    sets.append(('noconfig', os.path.join(BATCH, 'noconfig'), None, os.path.join(BATCH, 'noconfig', 'expected.json')))

rules_built = {f[:-4] for f in os.listdir(os.path.join(ROOT, 'rules')) if f.endswith('.yml')}
tp = collections.Counter(); fp = collections.Counter(); fn = collections.Counter()
occ_found = collections.Counter(); occ_all = collections.Counter()
verdict_ok = verdict_ok_built = n_posts = traps_hit = n_traps = 0
lines = []
for label, folder, config, expfile in sets:
    expected = json.load(open(expfile, encoding='utf-8'))
    tmp = None
    if config is None:
        tmp = tempfile.mkdtemp(prefix='smcheck-blind-')
        dst = os.path.join(tmp, 'noconfig')
        shutil.copytree(folder, dst, ignore=shutil.ignore_patterns('expected.json'))
        folder = dst
    try:
        report = run(folder, config)
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    by_name = {}
    for r in report['results']:
        by_name[os.path.basename(r['draft'])] = r
    for name, spec in expected.items():
        n_posts += 1
        text = open(os.path.join(BATCH, label, name), encoding='utf-8', newline='').read()
        starts = [0]
        for i, ch in enumerate(text):
            if ch == '\n':
                starts.append(i + 1)
        r = by_name.get(name)
        if r is None:
            lines.append(f'  NO RESULT {label}/{name}')
            continue
        finds = []  # (rule, span or None, image or None, severity, message)
        for f in r.get('findings', []):
            if f['severity'] not in COUNTED:
                continue
            img = None
            span = None
            fpath = (f.get('file') or '').replace('\\', '/')
            if f.get('line') and not fpath.endswith(name):
                img = fpath
            if f.get('line'):
                s = starts[f['line'] - 1] + f['column'] - 1
                e = starts[(f.get('endLine') or f['line']) - 1] + (f.get('endColumn') or f['column'] + 1) - 1
                span = (s, max(e, s + 1))
            else:
                img = fpath
            finds.append((f['rule'], span, img, f['severity'], f.get('message', '')))
        img_spans = {p: occ(text, p) for p in spec['images']}
        exps = []
        seen = collections.Counter()
        for e in spec['expect']:
            rule, ex = e['rule'], e['excerpt']
            if ex.startswith('image:'):
                exps.append((rule, ex, None, ex[6:], e.get('optional', False)))
                continue
            o = occ(text, ex)
            k = seen[(rule, ex)]; seen[(rule, ex)] += 1
            span = o[k]
            inside = next((p for p, sp in img_spans.items() if any(x[0] <= span[0] and span[1] <= x[1] for x in sp)), None)
            exps.append((rule, ex, span, inside, e.get('optional', False)))

        def matches(fd, ex):
            rule, span, img = fd[0], fd[1], fd[2]
            if rule != ex[0]:
                return False
            if ex[2] and span and ex[2][0] < span[1] and span[0] < ex[2][1]:
                return True
            if ex[3] and img and img.endswith(ex[3]):
                return True
            return False
        pred = {fd[0] for fd in finds}
        gold = {ex[0] for ex in exps if not ex[4]}
        optional_rules = {ex[0] for ex in exps if ex[4]}
        for rule in sorted(pred | gold):
            if rule in gold and rule in pred:
                tp[rule] += 1
            elif rule in gold:
                fn[rule] += 1
                lines.append(f'  MISS  {rule:20} {label}/{name}: ' + '; '.join(repr(x[1]) for x in exps if x[0] == rule))
            elif rule not in optional_rules:
                fp[rule] += 1
                lines.append(f'  FALSE {rule:20} {label}/{name}: ' + '; '.join(repr(text[fd[1][0]:fd[1][1]] if fd[1] else fd[2]) for fd in finds if fd[0] == rule))
        for ex in exps:
            if ex[4]:
                continue
            occ_all[ex[0]] += 1
            if any(matches(fd, ex) for fd in finds):
                occ_found[ex[0]] += 1
        for t in spec['mustNotFlag']:
            n_traps += 1
            spans = occ(text, t)
            hit = [fd for fd in finds if fd[1] and any(fd[1][0] < s[1] and s[0] < fd[1][1] for s in spans)]
            if hit:
                traps_hit += 1
                lines.append(f'  TRAP  {label}/{name}: {t!r} by ' + ', '.join(sorted({fd[0] for fd in hit})))
        want_fail = bool(gold)
        want_fail_built = bool(gold & rules_built)
        got_fail = r['status'] != 'pass'
        verdict_ok += want_fail == got_fail
        verdict_ok_built += want_fail_built == got_fail

rules = sorted(set(tp) | set(fp) | set(fn) | set(occ_all))
out = [f'{os.path.basename(BATCH)}: {n_posts} posts', '', f"{'rule':22}{'TP':>4}{'FP':>4}{'FN':>4}{'P':>7}{'R':>7}{'F1':>7}   occurrences"]
T = {'tp': 0, 'fp': 0, 'fn': 0}
figures = {}
for rule in rules:
    t, f_, n = tp[rule], fp[rule], fn[rule]
    p = t / (t + f_) if t + f_ else 1.0
    rc = t / (t + n) if t + n else 1.0
    f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
    built = rule in rules_built
    if built:
        T['tp'] += t; T['fp'] += f_; T['fn'] += n
    figures[rule] = dict(tp=t, fp=f_, fn=n, p=p, r=rc, f1=f1, built=built)
    out.append(f"{rule:22}{t:>4}{f_:>4}{n:>4}{p:>7.2f}{rc:>7.2f}{f1:>7.2f}   {occ_found[rule]}/{occ_all[rule]}" + ('' if built else '  (not built)'))
p = T['tp'] / (T['tp'] + T['fp']) if T['tp'] + T['fp'] else 1.0
rc = T['tp'] / (T['tp'] + T['fn']) if T['tp'] + T['fn'] else 1.0
f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
out.append(f"{'MICRO built':22}{T['tp']:>4}{T['fp']:>4}{T['fn']:>4}{p:>7.2f}{rc:>7.2f}{f1:>7.2f}")
out.append('')
out.append(f'verdicts right: {verdict_ok}/{n_posts} (FAIL if any label); {verdict_ok_built}/{n_posts} counting built rules only')
out.append(f'trap false alarms: {traps_hit}/{n_traps}')
print('\n'.join(out))
if not a.quiet:
    print('\n'.join(lines))
if a.json:
    json.dump(dict(rules=figures, micro=dict(p=p, r=rc, f1=f1, **T), verdicts=verdict_ok, posts=n_posts, traps_hit=traps_hit), open(a.json, 'w'), indent=1)
