import json, subprocess, glob, os
def run(f):
    p = subprocess.run(['node','/work/main/dist/src/cli.js','extract',f,'--ocr','never'], capture_output=True, text=True, timeout=300)
    if p.returncode != 0: return None
    return json.loads(p.stdout)
def facts(d):
    U=set(); D=set(); Q=set()
    for t in d['tasks']:
        for u in t.get('units',[]): U.add((u.get('name'), u.get('role')))
        for x in t.get('deadlines',[]): D.add(x.get('date') or x.get('text'))
        for x in t.get('quantities',[]): Q.add((x.get('value'), x.get('unit')))
    return U,D,Q
tot=[0]*8
for pdf in sorted(glob.glob('/tmp/bulkpdf/*.pdf')):
    name=os.path.basename(pdf)[:-4]
    h=run(f'/work/shared/bulk/jiangxi-portal/{name}.html'); p=run(pdf)
    if h is None or p is None: print(name,'ERR', h is None, p is None); continue
    Uh,Dh,Qh=facts(h); Up,Dp,Qp=facts(p)
    mh=h['document']; mp=p['document']
    md=[(k,mh.get(k),mp.get(k)) for k in ('title','issuer','date') if (mh.get(k) or '')!=(mp.get(k) or '')]
    tot[0]+=len(h['tasks']); tot[1]+=len(p['tasks']); tot[2]+=len(Uh); tot[3]+=len(Uh&Up); tot[4]+=len(Dh); tot[5]+=len(Dh&Dp); tot[6]+=len(Qh); tot[7]+=len(Qh&Qp)
    print(f"{name} tasks {len(h['tasks'])}/{len(p['tasks'])} units {len(Uh&Up)}/{len(Uh)}+{len(Up-Uh)} dl {len(Dh&Dp)}/{len(Dh)}+{len(Dp-Dh)} q {len(Qh&Qp)}/{len(Qh)}+{len(Qp-Qh)} meta {md}", flush=True)
print(tot)
