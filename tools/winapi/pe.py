"""The export table of a PE file: what a built DLL really exports."""
import struct


def rva_to_offset(sections, rva):
    for va, vsize, rawptr, rawsize in sections:
        if va <= rva < va + max(vsize, rawsize):
            return rawptr + rva - va
    raise ValueError(f'RVA {rva:#x} is in no section')


def cstring(blob, off):
    return blob[off:blob.index(b'\0', off)].decode()


def exports(path):
    """{ordinal: (name or None, forwarder or None, is_data_guess=False)}."""
    blob = open(path, 'rb').read()
    pe = struct.unpack_from('<I', blob, 0x3c)[0]
    if blob[pe:pe + 4] != b'PE\0\0':
        raise ValueError(f'{path}: not a PE file')
    nsec, optsize = struct.unpack_from('<H', blob, pe + 6)[0], struct.unpack_from('<H', blob, pe + 20)[0]
    opt = pe + 24
    if struct.unpack_from('<H', blob, opt)[0] != 0x20b:
        raise ValueError(f'{path}: not PE32+')
    exp_rva, exp_size = struct.unpack_from('<II', blob, opt + 112)
    sections = []
    for i in range(nsec):
        s = opt + optsize + 40 * i
        vsize, va, rawsize, rawptr = struct.unpack_from('<IIII', blob, s + 8)
        sections.append((va, vsize, rawptr, rawsize))
    if not exp_rva:
        return {}
    ed = rva_to_offset(sections, exp_rva)
    base, nfuncs, nnames, funcs, names, ords = struct.unpack_from('<IIIIII', blob, ed + 16)
    out = {}
    for i in range(nfuncs):
        rva = struct.unpack_from('<I', blob, rva_to_offset(sections, funcs) + 4 * i)[0]
        if not rva:
            continue
        fwd = None
        if exp_rva <= rva < exp_rva + exp_size:
            fwd = cstring(blob, rva_to_offset(sections, rva))
        out[base + i] = [None, fwd]
    for i in range(nnames):
        name_rva = struct.unpack_from('<I', blob, rva_to_offset(sections, names) + 4 * i)[0]
        index = struct.unpack_from('<H', blob, rva_to_offset(sections, ords) + 2 * i)[0]
        out[base + index][0] = cstring(blob, rva_to_offset(sections, name_rva))
    return {o: tuple(v) for o, v in out.items()}
