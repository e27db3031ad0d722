/* PE walks: ImageNtHeader, ImageDirectoryEntryToData(Ex), ImageRvaToSection
 * and ImageRvaToVa, for an image mapped by the loader or a file read as
 * it is on disk (MappedAsImage FALSE: an RVA becomes a file offset
 * through the section table).  PE32 and PE32+. */
#include "dbghelp_private.h"

DBG_API PIMAGE_NT_HEADERS WINAPI ImageNtHeader(PVOID base)
{
	IMAGE_DOS_HEADER *dos = base;
	IMAGE_NT_HEADERS *nt;

	if (!dos || dos->e_magic != IMAGE_DOS_SIGNATURE || dos->e_lfanew <= 0 ||
	    dos->e_lfanew > 0x10000000) {
		SetLastError(ERROR_BAD_EXE_FORMAT);
		return NULL;
	}
	nt = (IMAGE_NT_HEADERS *)((BYTE *)base + dos->e_lfanew);
	if (nt->Signature != IMAGE_NT_SIGNATURE) {
		SetLastError(ERROR_BAD_EXE_FORMAT);
		return NULL;
	}
	return nt;
}

DBG_API PIMAGE_SECTION_HEADER WINAPI ImageRvaToSection(PIMAGE_NT_HEADERS nt, PVOID base, ULONG rva)
{
	IMAGE_SECTION_HEADER *s = IMAGE_FIRST_SECTION(nt);

	for (WORD i = 0; i < nt->FileHeader.NumberOfSections; i++, s++) {
		DWORD size = s->Misc.VirtualSize ? s->Misc.VirtualSize : s->SizeOfRawData;

		if (rva >= s->VirtualAddress && rva < s->VirtualAddress + size)
			return s;
	}
	SetLastError(ERROR_INVALID_ADDRESS);
	return NULL;
}

DBG_API PVOID WINAPI ImageRvaToVa(PIMAGE_NT_HEADERS nt, PVOID base, ULONG rva,
				  PIMAGE_SECTION_HEADER *last)
{
	IMAGE_SECTION_HEADER *s = last && *last ? *last : NULL;

	if (!s || rva < s->VirtualAddress || rva >= s->VirtualAddress + s->SizeOfRawData)
		s = ImageRvaToSection(nt, base, rva);
	if (!s)
		return NULL;
	if (last)
		*last = s;
	return (BYTE *)base + s->PointerToRawData + (rva - s->VirtualAddress);
}

/* The data directory table of either optional header form. */
static IMAGE_DATA_DIRECTORY *directory(IMAGE_NT_HEADERS *nt, USHORT entry)
{
	if (nt->OptionalHeader.Magic == IMAGE_NT_OPTIONAL_HDR64_MAGIC) {
		IMAGE_OPTIONAL_HEADER64 *o = (IMAGE_OPTIONAL_HEADER64 *)&nt->OptionalHeader;

		return entry < o->NumberOfRvaAndSizes ? &o->DataDirectory[entry] : NULL;
	}
	if (nt->OptionalHeader.Magic == IMAGE_NT_OPTIONAL_HDR32_MAGIC) {
		IMAGE_OPTIONAL_HEADER32 *o = (IMAGE_OPTIONAL_HEADER32 *)&nt->OptionalHeader;

		return entry < o->NumberOfRvaAndSizes ? &o->DataDirectory[entry] : NULL;
	}
	return NULL;
}

DBG_API PVOID WINAPI ImageDirectoryEntryToDataEx(PVOID base, BOOLEAN mapped, USHORT entry,
						 PULONG size, PIMAGE_SECTION_HEADER *found)
{
	IMAGE_NT_HEADERS *nt = ImageNtHeader(base);
	IMAGE_DATA_DIRECTORY *d = nt ? directory(nt, entry) : NULL;

	if (found)
		*found = NULL;
	if (!d || !d->VirtualAddress) {
		if (size)
			*size = 0;
		return NULL;
	}
	if (size)
		*size = d->Size;
	if (mapped || d->VirtualAddress < nt->OptionalHeader.SizeOfHeaders)
		return (BYTE *)base + d->VirtualAddress;
	return ImageRvaToVa(nt, base, d->VirtualAddress, found);
}

DBG_API PVOID WINAPI ImageDirectoryEntryToData(PVOID base, BOOLEAN mapped, USHORT entry, PULONG size)
{
	return ImageDirectoryEntryToDataEx(base, mapped, entry, size, NULL);
}
