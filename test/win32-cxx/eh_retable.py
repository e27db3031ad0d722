#!/usr/bin/env python3
"""Rewrites the C++ exception tables of clang's assembly output
(--target=x86_64-pc-windows-msvc -S), which are FH3 (__CxxFrameHandler3,
FuncInfo magic 0x19930522), so the same test programs exercise the other
formats a runtime meets:

usage: eh_retable.py fh4 IN.s OUT.s
       eh_retable.py fh3-old IN.s OUT.s
       eh_retable.py fh3+async IN.s OUT.s   (+async, +noexcept: with any)

+async: the tables say /EHa (no EHs flag: catch (...) takes structured
exceptions too), which clang 14 does not write even with
-fasync-exceptions, though it keeps the states exact.
+noexcept: functions whose name has "noexcept_marked" get the noexcept
flag MSVC sets on noexcept functions (clang puts a terminate cleanup in
them instead): the runtime must end the program when an exception would
leave one.

fh3-old: the FuncInfo of Visual C++ 6 to 2003 (magic 0x19930520, without
the ESTypeList and EHFlags fields) under msvcrt's __CxxFrameHandler, as
7-Zip-era programs built against the system msvcrt.dll have it.

fh4: FH4 (__CxxFrameHandler4) tables describing the same states.  clang
emits only FH3; FH4 comes from MSVC 2019 and later, whose format
Microsoft's ehdata4_export.h publishes (see src/win32/cxx/cxx_fh4.c).
What changes:
  - every function and catch funclet names __CxxFrameHandler4, and its
    handler data is the RVA of a FuncInfo4: the function's, or for a catch
    funclet its own (catch bit, parent frame offset, its own IP map);
  - the unwind map becomes back offsets between variable-length entries; a
    cleanup funclet that only calls a destructor on a frame object (or on
    an object a frame slot points to) becomes that destructor and the
    object's frame offset (types 1 and 2, as MSVC writes most entries),
    other cleanup funclets stay funclets (type 3);
  - IP maps are per function, from its start, delta-encoded;
  - catch funclets return a continuation index instead of an address; the
    handler map lists the address, alternately as an RVA and as an offset
    from the function start, so both encodings are read.
Compressed integers take their shortest form, except code offsets (label
differences), which the assembler fills in: IP map deltas in the 4-byte
form, continuation offsets in the 5-byte form.
"""
import re
import sys

LABEL = re.compile(r'^("[^"]+"|[\w.$?@]+):')
LONG = re.compile(r'^\s*\.long\s+([^#]+?)\s*(#.*)?$')
REL = re.compile(r'^\(?("[^"]+"|[\w.$?@]+)\)?@IMGREL(?:\+(\d+))?$')


def enc(v):
    """A compressed unsigned integer, shortest form."""
    assert 0 <= v < 1 << 32
    if v < 1 << 7:
        return [v << 1]
    if v < 1 << 14:
        w = v << 2 | 1
        return [w & 0xff, w >> 8]
    if v < 1 << 21:
        w = v << 3 | 3
        return [w & 0xff, (w >> 8) & 0xff, w >> 16]
    if v < 1 << 28:
        w = v << 4 | 7
        return [w & 0xff, (w >> 8) & 0xff, (w >> 16) & 0xff, w >> 24]
    return [15, v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, v >> 24]


def bytes_(vals):
    return '\t.byte\t' + ', '.join(str(b) for b in vals)


def quote_imgrel(line):
    """clang prints "sym@@@IMGREL" for a symbol ending in '@', which its own
    assembler then misreads: quote such symbols."""
    def fix(m):
        return f'"{m.group(1)}"@IMGREL' if '@' in m.group(1) else m.group(0)
    return re.sub(r'(?<![\w"@$?.])([\w.$?][\w.$?@]*)@IMGREL', fix, line)


def unquote(sym):
    return sym[1:-1] if sym.startswith('"') else sym


def q(name):
    return '"' + name + '"'


class Source:
    def __init__(self, lines):
        self.lines = lines
        self.func_of = {}       # label -> function (.seh_proc) it is in
        self.tables = {}        # label -> [.long values]
        cur, table = None, None
        for line in lines:
            s = line.strip()
            m = LABEL.match(line)
            if m:
                name = unquote(m.group(1))
                self.func_of[name] = cur
                table = name
                self.tables[name] = []
                continue
            if s.startswith('.seh_proc'):
                cur = unquote(s.split(None, 1)[1])
                self.func_of[cur] = cur
            elif s.startswith('.seh_endproc'):
                cur = None
            lm = LONG.match(line)
            if lm and table is not None:
                self.tables[table].append(lm.group(1))
            elif s and not s.startswith('#') and not lm:
                table = None

    def destructor_call(self, funclet):
        """(type, destructor, frame offset) if funclet's body is only a
        destructor call on a frame object (type 1) or on the object a frame
        slot points to (type 2); else None."""
        body, base, cur = [], None, None
        for line in self.lines:
            s = line.strip()
            if 'CLEANUPRET' not in s:
                s = s.split('#')[0].strip()
            if s.startswith('.seh_proc'):
                cur = unquote(s.split(None, 1)[1])
                body, base, state = [], None, 'prologue'
                continue
            if cur != funclet:
                continue
            m = re.match(r'^leaq\s+(-?\d+)\(%rdx\), %rbp$', s)
            if m:
                base = int(m.group(1))
            elif s == '.seh_endprologue':
                state = 'body'
            elif 'CLEANUPRET' in s:
                break
            elif state == 'body' and s and not s.startswith(('nop', 'addq', 'popq', '#')):
                body.append(s)
        if base is None or len(body) != 2:
            return None
        m = re.match(r'^(leaq|movq)\s+(-?\d+)\(%rbp\), %rcx$', body[0])
        c = re.match(r'^callq\s+("[^"]+"|[\w.$?@]+)$', body[1])
        if not m or not c or base + int(m.group(2)) < 0:
            return None
        return (1 if m.group(1) == 'leaq' else 2, unquote(c.group(1)), base + int(m.group(2)))

    def catchrets(self, funclet):
        """Indexes of the 'leaq LABEL(%rip), %rax' lines ending in CATCHRET
        in funclet, and their labels."""
        out, cur, pending = [], None, None
        for i, line in enumerate(self.lines):
            s = line.strip()
            if s.startswith('.seh_proc'):
                cur = unquote(s.split(None, 1)[1])
            m = re.match(r'^leaq\s+([\w.$]+)\(%rip\), %rax$', s)
            if cur == funclet and m:
                pending = (i, m.group(1))
            if cur == funclet and 'CATCHRET' in s and pending:
                out.append(pending)
                pending = None
        return out


def value(v):
    """An int, or (symbol, offset) for an image-relative reference."""
    m = REL.match(v)
    if m:
        return (unquote(m.group(1)), int(m.group(2) or 0))
    return int(v)


class Converter:
    def __init__(self, src):
        self.src = src
        self.out = []           # new table lines
        self.funclet_info = {}  # catch funclet -> its FuncInfo4 label
        self.edits = {}         # line index -> replacement
        self.nhandler = 0

    def ipmaps(self, func, entries):
        """One IP map per function the entries fall in."""
        per = {}
        for (sym, off), state in entries:
            per.setdefault(self.src.func_of.get(sym) or func, []).append(((sym, off), state))
        labels = {}
        for f, ents in per.items():
            label = f'$fh4ip${f}'
            labels[f] = label
            self.out.append(q(label) + ':')
            self.out.append(bytes_(enc(len(ents))))
            prev = (f, 0)
            for (sym, off), state in ents:
                if (sym, off) == prev:
                    self.out.append(bytes_(enc(0)))
                else:   # the 4-byte form: (value << 4) | 0b0111
                    delta = f'({q(sym)}+{off})-({q(prev[0])}+{prev[1]})'
                    self.out.append(f'\t.long\t(({delta})<<4)|7')
                prev = (sym, off)
                self.out.append(bytes_(enc(state + 1)))
        return labels

    def unwind_map(self, name, pairs):
        """Entries are (nextOffset << 2 | type)[, action RVA][, object];
        the sizes depend on the offsets, so iterate to a fixed point."""
        n = len(pairs)
        kinds = []
        for _, a in pairs:
            d = self.src.destructor_call(a[0]) if a else None
            kinds.append(d if d else ((3, a[0], None) if a else (0, None, None)))

        def size(word, kind):
            t, _, obj = kind
            return len(enc(word)) + (4 if t else 0) + (len(enc(obj)) if t in (1, 2) else 0)

        sizes = [size(0, k) for k in kinds]
        while True:
            starts = [sum(sizes[:i]) for i in range(n)]
            words = []
            for i, ((to, _), k) in enumerate(zip(pairs, kinds)):
                back = starts[i] + 1 if to < 0 else starts[i] - starts[to]
                words.append(back << 2 | k[0])
            new = [size(w, k) for w, k in zip(words, kinds)]
            if new == sizes:
                break
            sizes = new
        label = f'$fh4uw${name}'
        self.out.append(q(label) + ':')
        self.out.append(bytes_(enc(n)))
        for w, (t, action, obj) in zip(words, kinds):
            self.out.append(bytes_(enc(w)))
            if t:
                self.out.append(f'\t.long\t{q(action)}@IMGREL')
            if t in (1, 2):
                self.out.append(bytes_(enc(obj)))
        return label

    def handler_map(self, label, entries):
        out = [q('$fh4hm$' + label) + ':', bytes_(enc(len(entries)))]
        for adj, typ, obj, handler, parent_off in entries:
            conts = self.src.catchrets(handler[0])
            targets = sorted({t for _, t in conts})
            rva_form = self.nhandler % 2 == 0
            self.nhandler += 1
            ncont = len(targets) if 0 < len(targets) <= 2 else 0
            head = (1 if adj else 0) | (2 if typ else 0) | (4 if obj else 0)
            head |= (8 if rva_form else 0) | ncont << 4
            out.append(bytes_([head]))
            if adj:
                out.append(bytes_(enc(adj)))
            if typ:
                out.append(f'\t.long\t{q(typ[0])}@IMGREL')
            if obj:
                out.append(bytes_(enc(obj)))
            out.append(f'\t.long\t{q(handler[0])}@IMGREL')
            for t in targets[:ncont]:
                if rva_form:
                    out.append(f'\t.long\t{t}@IMGREL')
                else:
                    out.append(bytes_([15]))
                    out.append(f'\t.long\t{t}-{q(self.src.func_of[t])}')
            if ncont:
                for i, t in conts:
                    self.edits[i] = f'\tmovl\t${targets.index(t)}, %eax'
            self.funclet_info[handler[0]] = (parent_off, '$fh4c$' + handler[0])
        self.out += out
        return '$fh4hm$' + label

    def function(self, name):
        known = set(self.funclet_info)
        v = [value(x) for x in self.src.tables['$cppxdata$' + name]]
        magic, nstates, uw, ntry, trymap, nip, ipmap, _help, _es, flags = v
        uw_label = self.unwind_map(name, [(value(a), value(b) if value(b) else None)
                                          for a, b in pairs(self.src.tables[uw[0]])]) \
            if nstates else None
        try_label = None
        owner = {}      # catch funclet -> (low, high, catch_high) of its try
        hm = []
        if ntry:
            tries = list(chunks(self.src.tables[trymap[0]], 5))
            for i, t in enumerate(tries):
                low, high, chigh, nh, harr = [value(x) for x in t]
                hents = [[value(x) for x in h] for h in chunks(self.src.tables[harr[0]], 5)]
                hm.append((low, high, chigh, self.handler_map(f'{i}${name}', hents)))
                for h in hents:
                    owner[h[3][0]] = (low, high, chigh)
            try_label = f'$fh4try${name}'
            self.out.append(q(try_label) + ':')
            self.out.append(bytes_(enc(len(hm))))
            for low, high, chigh, hl in hm:
                self.out.append(bytes_(enc(low) + enc(high) + enc(chigh)))
                self.out.append(f'\t.long\t{q(hl)}@IMGREL')
        entries = [(value(a), value(b)) for a, b in pairs(self.src.tables[ipmap[0]])]
        ipl = self.ipmaps(name, entries)
        eflags = (0x20 if flags & 1 else 0) | (0x40 if flags & 4 else 0)
        maps = (8 if uw_label else 0) | (0x10 if try_label else 0) | eflags
        refs = [x for x in (uw_label, try_label) if x]
        self.info(f'$fh4${name}', maps, refs, ipl.get(name), None)
        for f, (parent_off, label) in self.funclet_info.items():
            if f in known:
                continue
            # a funclet without try blocks inside its handler gets no try map
            low, high, chigh = owner[f]
            inner = any(h < t[0] and t[2] <= chigh for t in hm for h in [high])
            fmaps, frefs = maps | 1, refs
            if not inner and try_label:
                fmaps, frefs = fmaps & ~0x10, [r for r in refs if r != try_label]
            self.info(label, fmaps, frefs, ipl.get(f), parent_off)

    def info(self, label, head, refs, ip, parent_off):
        self.out.append(q(label) + ':')
        self.out.append(bytes_([head]))
        for r in refs:
            self.out.append(f'\t.long\t{q(r)}@IMGREL')
        self.out.append(f'\t.long\t{q(ip)}@IMGREL' if ip else '\t.long\t0')
        if parent_off is not None:
            self.out.append(bytes_(enc(parent_off)))


def pairs(xs):
    return zip(xs[0::2], xs[1::2])


def chunks(xs, n):
    return [xs[i:i + n] for i in range(0, len(xs), n)]


def old_fh3(lines):
    out = []
    for line in lines:
        if line.rstrip().endswith(('# ESTypeList', '# EHFlags')):
            continue
        line = line.replace('__CxxFrameHandler3', '__CxxFrameHandler')
        out.append(quote_imgrel(line.replace('429065506', '429065504')))
    return out


def async_tables(lines):
    return [re.sub(r'^(\s*\.long\s+)1(\s+# EHFlags)$', r'\g<1>0\2', line) for line in lines]


def noexcept_tables(lines):
    out, marked = [], False
    for line in lines:
        m = LABEL.match(line)
        if m:
            marked = unquote(m.group(1)).startswith('$cppxdata$') and 'noexcept_marked' in line
        f = re.match(r'^(\s*\.long\s+)(\d+)(\s+# EHFlags)$', line)
        if marked and f:
            line = f'{f.group(1)}{int(f.group(2)) | 4}{f.group(3)}'
        out.append(line)
    return out


def main():
    mode, src_path, out_path = sys.argv[1:4]
    lines = open(src_path).read().split('\n')
    mode, *extras = mode.split('+')
    if 'async' in extras:
        lines = async_tables(lines)
    if 'noexcept' in extras:
        lines = noexcept_tables(lines)
    if mode == 'fh3':
        open(out_path, 'w').write('\n'.join(quote_imgrel(x) for x in lines) + '\n')
        return
    if mode == 'fh3-old':
        open(out_path, 'w').write('\n'.join(old_fh3(lines)) + '\n')
        return
    src = Source(lines)
    conv = Converter(src)
    names = [t[len('$cppxdata$'):] for t in src.tables if t.startswith('$cppxdata$')]
    for name in names:
        conv.function(name)
    funclets = conv.funclet_info
    out, cur = [], None
    for i, line in enumerate(src.lines):
        s = line.strip()
        if s.startswith('.seh_proc'):
            cur = unquote(s.split(None, 1)[1])
        line = conv.edits.get(i, line)
        line = quote_imgrel(line.replace('__CxxFrameHandler3', '__CxxFrameHandler4'))
        m = re.match(r'^\s*\.long\s+\(?("?\$cppxdata\$[^)]*?"?)\)?@IMGREL', line)
        if m:
            name = unquote(m.group(1))[len('$cppxdata$'):]
            label = funclets[cur][1] if cur in funclets else '$fh4$' + name
            line = f'\t.long\t{q(label)}@IMGREL'
        out.append(line)
    out.append('\t.section\t.xdata,"dr"')
    out += conv.out
    open(out_path, 'w').write('\n'.join(out) + '\n')


if __name__ == '__main__':
    main()
