// mmap-facts.cocci: facts about a kernel source file's memory-mapping code, one JSON record per line on stdout.
// Used by `mmapv audit` (src/Mmap.Audit/Extraction/SpatchRunner.cs), read back by Extraction/Fact.cs.
// Record kinds (field "k"): field/set (a function stored into an ops member such as .mmap or .fault), def (a
// function taking a struct vm_area_struct * or struct vm_fault *), call, ctx (how a mapping-API call's result
// is used; ignored is printed for any call statement), ret (a returned expression), loop (a mapping-API call inside a loop or iterator), if (a condition, its then-branch and any else-branch), asg (an
// assignment or initialised declaration about the VMA), icall (a call through a function pointer, E->fld(args)), flags (a direct vm_flags update), ident (a CoW or prot
// identifier), pgoff (a use of vm_pgoff), vmfpage (a fault handler that sets vmf->page).
// Function-scoped facts are kept only for functions with a struct vm_area_struct * or struct vm_fault * parameter
// (every ->mmap, ->fault and mapping helper has one): rule rdef collects them per file, and the later rules match
// expressions and statements without a function context (matching inside <... ...> of every function was ten
// times slower) and keep a match only when the position's enclosing function (current_element) is one of them.
// Helper pass: with MMAPV_HELPERS=name,name… in the environment, facts are kept for the functions of those names
// only (helpers without a VMA parameter that receive the VMA's length or offset; HandlerClassifier.HelperCalls).
// The rules about mapping-API calls (rctxr, rctxa, rloop) run only in files that call one (rapi), and rloop is an
// exists rule: a mapping call on some path through a loop body is enough (forall over every loop of every function
// took most of the time on large files). The function-scoped rules test keep(p) as a constraint on their position,
// so the script rule (and the conversion of its metavariables to text) runs only for kept matches: half the time.

@initialize:python@
@@
import json, sys, re, os
HELPERS = set(h for h in os.environ.get("MMAPV_HELPERS", "").split(",") if h)
INTERESTING = re.compile(r"vm_end|vm_start|vma_pages|vm_pgoff|pgoff|VM_|PAGE_SHARED|vm_page_prot|is_cow_mapping|size|len|pages|count|off|vm_ops")
def out(kind, p, **kw):
    kw["k"] = kind
    kw["f"] = p[0].file
    kw["l"] = int(p[0].line)
    sys.stdout.write(json.dumps(kw) + "\n")
VFN = {}
def keep(p):
    return p[0].current_element in VFN.get(p[0].file, ())
def txt(x, n=400):
    s = " ".join(str(x).split())
    return s[:n]

@rfield@
identifier s, I, fld =~ "^(mmap|fb_mmap|.*_mmap|mmap_.*|fault|huge_fault)$", fn;
position p;
@@
struct s I@p = { ..., .fld = fn, ...};

@script:python@
s << rfield.s; fld << rfield.fld; fn << rfield.fn; p << rfield.p; i << rfield.I;
@@
out("field", p, st=s, fld=fld, fn=fn, var=i)

@rfieldarr@
identifier s, I, fld =~ "^(mmap|fb_mmap|.*_mmap|mmap_.*|fault|huge_fault)$", fn;
position p;
@@
struct s I@p[] = { ..., { ..., .fld = fn, ...}, ...};

@script:python@
s << rfieldarr.s; fld << rfieldarr.fld; fn << rfieldarr.fn; p << rfieldarr.p; i << rfieldarr.I;
@@
out("field", p, st=s, fld=fld, fn=fn, var=i)

@rset@
identifier fld =~ "^(mmap|fb_mmap|.*_mmap|fault|huge_fault)$", fn;
expression E;
position p;
@@
\(E.fld@p = fn\|E->fld@p = fn\)

@script:python@
fld << rset.fld; fn << rset.fn; p << rset.p;
@@
out("set", p, fld=fld, fn=fn, inf=p[0].current_element)

@rdef@
identifier fn;
parameter list ps;
position p;
@@
fn@p(ps) { ... }

@script:python@
fn << rdef.fn; ps << rdef.ps; p << rdef.p;
@@
pt = txt(ps)
if (fn in HELPERS) if HELPERS else ("vm_area_struct" in pt or "vm_fault" in pt):
    VFN.setdefault(p[0].file, set()).add(fn)
    out("def", p, fn=fn, ps=pt)

@rcall@
identifier g;
expression list args;
position p : script:python() { keep(p) };
@@
g@p(args)

@script:python@
g << rcall.g; args << rcall.args; p << rcall.p;
@@
if keep(p):
    out("call", p, fn=p[0].current_element, g=g, a=txt(args))

@ricall@
expression E;
identifier fld;
expression list args;
position p : script:python() { keep(p) };
@@
\(E->fld@p(args)\|E.fld@p(args)\)

@script:python@
e << ricall.E; fld << ricall.fld; args << ricall.args; p << ricall.p;
@@
if keep(p):
    out("icall", p, fn=p[0].current_element, g=txt(e) + "->" + fld, a=txt(args))

@rctxs@
identifier g;
position p : script:python() { keep(p) };
@@
g@p(...);

@script:python@
g << rctxs.g; p << rctxs.p;
@@
if keep(p):
    out("ctx", p, fn=p[0].current_element, g=g, how="ignored")

@rret@
expression E;
position p : script:python() { keep(p) };
@@
return@p E;

@script:python@
e << rret.E; p << rret.p;
@@
if keep(p):
    out("ret", p, fn=p[0].current_element, e=txt(e))

@rapi@
identifier g =~ "^(remap_pfn_range|io_remap_pfn_range|remap_vmalloc_range|remap_vmalloc_range_partial|vm_iomap_memory|vm_insert_page|vm_insert_pages|vm_map_pages|vm_map_pages_zero|dma_mmap_.*|vmf_insert_pfn|vmf_insert_pfn_prot|vmf_insert_mixed|vm_insert_pfn|vm_insert_mixed)$";
@@
g(...)

@rctxr depends on rapi@
identifier g =~ "^(remap_pfn_range|io_remap_pfn_range|remap_vmalloc_range|remap_vmalloc_range_partial|vm_iomap_memory|vm_insert_page|vm_insert_pages|vm_map_pages|vm_map_pages_zero|dma_mmap_.*|vmf_insert_pfn|vmf_insert_pfn_prot|vmf_insert_mixed|vm_insert_pfn|vm_insert_mixed)$";
position p : script:python() { keep(p) };
@@
return g@p(...);

@script:python@
g << rctxr.g; p << rctxr.p;
@@
if keep(p):
    out("ctx", p, fn=p[0].current_element, g=g, how="returned")

@rctxa depends on rapi@
identifier g =~ "^(remap_pfn_range|io_remap_pfn_range|remap_vmalloc_range|remap_vmalloc_range_partial|vm_iomap_memory|vm_insert_page|vm_insert_pages|vm_map_pages|vm_map_pages_zero|dma_mmap_.*|vmf_insert_pfn|vmf_insert_pfn_prot|vmf_insert_mixed|vm_insert_pfn|vm_insert_mixed)$";
expression E;
position p : script:python() { keep(p) };
@@
E = g@p(...)

@script:python@
g << rctxa.g; p << rctxa.p; e << rctxa.E;
@@
if keep(p):
    out("ctx", p, fn=p[0].current_element, g=g, how="assigned", to=txt(e))

@rloop depends on rapi exists@
identifier g =~ "^(remap_pfn_range|io_remap_pfn_range|remap_vmalloc_range|remap_vmalloc_range_partial|vm_iomap_memory|vm_insert_page|vm_insert_pages|vm_map_pages|vm_map_pages_zero|dma_mmap_.*|vmf_insert_pfn|vmf_insert_pfn_prot|vmf_insert_mixed|vm_insert_pfn|vm_insert_mixed)$";
iterator I;
position p : script:python() { keep(p) };
@@
(
for (...;...;...) { <... g@p(...) ...> }
|
while (...) { <... g@p(...) ...> }
|
I(...) { <... g@p(...) ...> }
)

@script:python@
g << rloop.g; p << rloop.p;
@@
if keep(p):
    out("loop", p, fn=p[0].current_element, g=g)

@rif@
expression C;
statement S;
position p : script:python() { keep(p) };
@@
if@p (C) S

@script:python@
c << rif.C; s << rif.S; p << rif.p;
@@
if keep(p):
    out("if", p, fn=p[0].current_element, c=txt(c), s=txt(s, 200))

@rife@
expression C;
statement S1, S2;
position p : script:python() { keep(p) };
@@
if@p (C) S1 else S2

@script:python@
c << rife.C; s1 << rife.S1; s2 << rife.S2; p << rife.p;
@@
if keep(p):
    out("if", p, fn=p[0].current_element, c=txt(c), s=txt(s1, 200), el=txt(s2, 200))

@rasg@
expression X, E;
position p : script:python() { keep(p) };
@@
X@p = E

@script:python@
x << rasg.X; e << rasg.E; p << rasg.p;
@@
if keep(p):
    et = txt(e)
    if INTERESTING.search(et) or "vm_" in txt(x):
        out("asg", p, fn=p[0].current_element, x=txt(x), e=et)

@rdecl@
identifier V;
type T2;
expression E;
position p : script:python() { keep(p) };
@@
T2 V@p = E;

@script:python@
v << rdecl.V; e << rdecl.E; p << rdecl.p;
@@
if keep(p):
    et = txt(e)
    if INTERESTING.search(et):
        out("asg", p, fn=p[0].current_element, x=v, e=et)

@rflags@
expression V, C;
position p : script:python() { keep(p) };
@@
(
V->vm_flags@p |= C
|
V->vm_flags@p &= C
|
V->vm_flags@p = C
)

@script:python@
c << rflags.C; p << rflags.p;
@@
if keep(p):
    out("flags", p, fn=p[0].current_element, c=txt(c))

@rident@
identifier I =~ "^(VM_SHARED|VM_MAYSHARE|VM_MAYWRITE|VM_WRITE|VM_PFNMAP|VM_MIXEDMAP|PAGE_SHARED|is_cow_mapping)$";
position p : script:python() { keep(p) };
@@
I@p

@script:python@
i << rident.I; p << rident.p;
@@
if keep(p):
    out("ident", p, fn=p[0].current_element, i=i)

@rpgoff@
expression V;
position p : script:python() { keep(p) };
@@
V->vm_pgoff@p

@script:python@
p << rpgoff.p;
@@
if keep(p):
    out("pgoff", p, fn=p[0].current_element)

@rvmfpgoff@
struct vm_fault *V;
position p : script:python() { keep(p) };
@@
V->pgoff@p

@script:python@
p << rvmfpgoff.p;
@@
if keep(p):
    out("pgoff", p, fn=p[0].current_element)

@rvmfpage@
struct vm_fault *V;
expression X;
position p : script:python() { keep(p) };
@@
V->page@p = X

@script:python@
p << rvmfpage.p;
@@
if keep(p):
    out("vmfpage", p, fn=p[0].current_element)
