#!/usr/bin/env python3
"""Which crates the app's wasm code comes from (issue 17): sums the code bytes of every
function by the crate its (mangled) name starts with, from the name section of the
pre-wasm-opt build: python3 scripts/wasm-crates.py [target/wasm32-unknown-unknown/release/outpost.wasm]
Sizes are before wasm-opt (about 5 % larger) and uncompressed; the ranking is what counts."""

import sys,re,collections
b=open(sys.argv[1] if len(sys.argv) > 1 else 'target/wasm32-unknown-unknown/release/outpost.wasm','rb').read()
def leb(b,i):
    r=s=0
    while True:
        x=b[i];i+=1;r|=(x&0x7f)<<s;s+=7
        if x<0x80: return r,i
i=8; sections={}
nimports=0; code=None; names={}; datasize=0
while i<len(b):
    sid=b[i];i+=1
    size,i=leb(b,i); start=i
    if sid==2:
        n,j=leb(b,i)
        for _ in range(n):
            l,j=leb(b,j); j+=l
            l,j=leb(b,j); j+=l
            kind=b[j]; j+=1
            if kind==0: _,j=leb(b,j); nimports+=1
            elif kind==1: j+=1; f,j=leb(b,j); _,j=leb(b,j); 
            elif kind==2: f,j=leb(b,j); _,j=leb(b,j)
            elif kind==3: j+=2
    elif sid==10:
        n,j=leb(b,i); code=[]
        for k in range(n):
            l,j2=leb(b,j); code.append(l+(j2-j)); j=j2+l
    elif sid==11: datasize=size
    elif sid==0:
        l,j=leb(b,i); nm=b[j:j+l].decode(); j+=l
        if nm=='name':
            while j<start+size:
                sub=b[j]; j+=1; sl,j=leb(b,j); e=j+sl
                if sub==1:
                    n,j=leb(b,j)
                    for _ in range(n):
                        idx,j=leb(b,j); l,j=leb(b,j); names[idx]=b[j:j+l].decode('utf8','replace'); j+=l
                j=e
    i=start+size
agg=collections.Counter(); total=0
def crate(n):
    # demangle-ish: _ZN + len + ident
    m=re.match(r'_ZN(\d+)',n)
    if m:
        L=int(m.group(1)); c=n[m.end():m.end()+L]
    else:
        m=re.match(r'<?(\w+)::',n); c=m.group(1) if m else n.split('::')[0][:30]
    if c.startswith('_$LT$'):
        # _<T as trait> : try to find inner crate
        mm=re.match(r'_\$LT\$(?:\$RF\$|\$BP\$|mut\$u20\$|dyn\$u20\$)*([a-z_0-9]+?)\.\.',c)
        c=mm.group(1) if mm else 'impl<'+c[5:20]
    return c
for k,sz in enumerate(code):
    nm=names.get(nimports+k,'?')
    agg[crate(nm)]+=sz; total+=sz
print('code bytes',total,'data bytes',datasize)
for c,s in agg.most_common(30): print(f'{s:9d} {100*s/total:5.1f}% {c}')
