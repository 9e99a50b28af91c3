"""Differential check of the parser against CPython 3.14 on mutated programs.

    DIFF_DIR=/tmp/diff cargo test --lib differential_export    # writes mutants.json, ours.json
    python3 src/lang/parser/testdata/differential.py --make-runner /tmp/diff
    node ../shared/tools/python314/run.js /tmp/diff/run.py > /tmp/diff/theirs.json
    python3 src/lang/parser/testdata/differential.py --compare /tmp/diff

Each mutant is compiled by CPython (accept -> the tree as ast_sexpr.py prints it, reject ->
the error as the traceback module renders it) and compared with the playground's result:
same, tree differs, accept/reject differs, message differs, location differs.
"""
import collections
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

RUNNER = '''
import traceback, json
out = []
for src in MUTANTS:
    try:
        compile(src, 'main.py', 'exec')
        out.append('OK ' + dump(src))
    except SyntaxError as err:
        if err.text is None and err.lineno:
            lines = src.splitlines()
            if 0 < err.lineno <= len(lines):
                err.text = lines[err.lineno - 1] + '\\n'
        out.append('ERR ' + ''.join(traceback.format_exception_only(type(err), err)).rstrip('\\n'))
    except Exception as other:
        out.append('OTHER ' + repr(other))
print(json.dumps(out))
'''


def make_runner(d):
    mutants = json.load(open(os.path.join(d, 'mutants.json')))
    sexpr = open(os.path.join(HERE, 'ast_sexpr.py')).read().split("if __name__ == '__main__':")[0]
    with open(os.path.join(d, 'run.py'), 'w') as f:
        f.write('MUTANTS = %r\n' % mutants + sexpr + RUNNER)


def compare(d):
    mutants = json.load(open(os.path.join(d, 'mutants.json')))
    ours = json.load(open(os.path.join(d, 'ours.json')))
    theirs = json.load(open(os.path.join(d, 'theirs.json')))
    kinds = collections.Counter()
    pairs = collections.Counter()
    for src, a, b in zip(mutants, ours, theirs):
        if a == b:
            kinds['same'] += 1
            continue
        am, bm = a.split('\n')[-1], b.split('\n')[-1]
        if a[:3] != b[:3]:
            kind = 'accept/reject'
        elif a.startswith('OK'):
            kind = 'tree'
        elif am != bm:
            kind = 'message'
        else:
            kind = 'location'
        kinds[kind] += 1
        pairs[(kind, am[:70], bm[:70])] += 1
    print(dict(kinds))
    for (kind, am, bm), n in pairs.most_common(40):
        print(n, kind, '| ours:', am, '| CPython:', bm)


if __name__ == '__main__':
    if sys.argv[1] == '--make-runner':
        make_runner(sys.argv[2])
    else:
        compare(sys.argv[2])
