import json, subprocess, sys, os, glob, time
out = {}
files = sorted(glob.glob('/tmp/bulkpdf/*.pdf'))
tot = {'tasks_t':0,'tasks_o':0,'units_t':0,'units_both':0,'dl_t':0,'dl_both':0,'q_t':0,'q_both':0,'meta_same':0,'meta_n':0}
def run(f, extra):
    p = subprocess.run(['node','/work/main/dist/src/cli.js','extract',f]+extra, capture_output=True, text=True, timeout=900)
    if p.returncode != 0: return None, p.stderr.strip().splitlines()[-1:] 
    return json.loads(p.stdout), None
for f in files:
    t0=time.time()
    a, ea = run(f, ['--ocr','never'])
    b, eb = run(f, ['--ocr','always'])
    dt=time.time()-t0
    name=os.path.basename(f)
    if a is None or b is None:
        print(name, 'ERR', ea, eb, flush=True); continue
    def facts(d):
        U=set(); D=set(); Q=set()
        for t in d['tasks']:
            for u in t.get('units',[]):
                U.add((u.get('name'), u.get('role')))
            for x in t.get('deadlines',[]): D.add(x.get('date') or x.get('text'))
            for x in t.get('quantities',[]): Q.add((x.get('value'), x.get('unit')))
        return U,D,Q
    Ua,Da,Qa=facts(a); Ub,Db,Qb=facts(b)
    ma=a['document']; mb=b['document']
    same=[k for k in ('title','docNumber','issuer','date') if (ma.get(k) or '')==(mb.get(k) or '')]
    tot['tasks_t']+=len(a['tasks']); tot['tasks_o']+=len(b['tasks'])
    tot['units_t']+=len(Ua); tot['units_both']+=len(Ua&Ub)
    tot['dl_t']+=len(Da); tot['dl_both']+=len(Da&Db)
    tot['q_t']+=len(Qa); tot['q_both']+=len(Qa&Qb)
    tot['meta_same']+=len(same); tot['meta_n']+=4
    diff=[k for k in ('title','docNumber','issuer','date') if k not in same]
    print(f"{name} {dt:.0f}s tasks {len(a['tasks'])}/{len(b['tasks'])} units {len(Ua&Ub)}/{len(Ua)} dl {len(Da&Db)}/{len(Da)} q {len(Qa&Qb)}/{len(Qa)} metadiff {[(k,ma.get(k),mb.get(k)) for k in diff]}", flush=True)
print(json.dumps(tot))
