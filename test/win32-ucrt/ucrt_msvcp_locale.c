/* msvcp140's locale data functions over the UCRT's named locales, as the
 * header-inline collate and time_get facets and ctype's case call them:
 * _Getcoll (the LC_COLLATE name the facet keeps), _Strcoll and _Strxfrm
 * (the locale's order and sort keys; the "C" locale's byte order and
 * identity), _Toupper/_Tolower of a code page's bytes, _Getdateorder
 * (LC_TIME's date order).  The real msvcp140 (14.30) under Wine 8 passes
 * all but the collate name: Wine's ucrtbase names "German_Germany.1252"'s
 * locale "de", Windows' (and ours) "de-DE". */
#include <ctype.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <windows.h>

struct collvec { UINT page; wchar_t *locale_name; };
struct ctypevec { ULONG page; const short *table; int delfl; wchar_t *locale_name; };

static struct collvec (__cdecl *p_Getcoll)(void);
static int (__cdecl *p_Strcoll)(const char *, const char *, const char *, const char *,
				const struct collvec *);
static size_t (__cdecl *p_Strxfrm)(char *, char *, const char *, const char *,
				   const struct collvec *);
static int (__cdecl *p_Toupper)(int, const struct ctypevec *);
static int (__cdecl *p_Tolower)(int, const struct ctypevec *);
static int (__cdecl *p_Getdateorder)(void);

static int checks, failed;

#define CHECK(c) do { checks++; if (!(c)) { failed++; printf("FAILED: %s (line %d)\n", #c, __LINE__); } } while (0)

static int coll(const char *a, const char *b, const struct collvec *v)
{
	return p_Strcoll(a, a + strlen(a), b, b + strlen(b), v);
}

/* The sort keys of a and b compared as strxfrm's users do. */
static int key_order(const char *a, const char *b, const struct collvec *v)
{
	char ka[64], kb[64];
	size_t na = p_Strxfrm(ka, ka + sizeof(ka), a, a + strlen(a), v);
	size_t nb = p_Strxfrm(kb, kb + sizeof(kb), b, b + strlen(b), v);
	int r = memcmp(ka, kb, na < nb ? na : nb);

	return r ? r : (int)na - (int)nb;
}

int main(void)
{
	HMODULE msvcp = LoadLibraryA("msvcp140.dll");
	struct collvec c, de;
	/* msvcp140's case reads the classes in the facet's table */
	struct ctypevec cp1252 = { 1252, NULL, 0, (wchar_t *)L"de-DE" };
	struct ctypevec none = { 0, NULL, 0, NULL };
	char key[8];

	if (!msvcp) {
		printf("no msvcp140\n");
		return 1;
	}
	p_Getcoll = (void *)GetProcAddress(msvcp, "_Getcoll");
	p_Strcoll = (void *)GetProcAddress(msvcp, "_Strcoll");
	p_Strxfrm = (void *)GetProcAddress(msvcp, "_Strxfrm");
	p_Toupper = (void *)GetProcAddress(msvcp, "_Toupper");
	p_Tolower = (void *)GetProcAddress(msvcp, "_Tolower");
	p_Getdateorder = (void *)GetProcAddress(msvcp, "_Getdateorder");

	/* the "C" locale */
	c = p_Getcoll();
	CHECK(c.locale_name == NULL);
	CHECK(coll("a", "B", &c) > 0 && coll("abc", "abc", &c) == 0 && coll("ab", "abc", &c) < 0);
	CHECK(p_Strxfrm(key, key + sizeof(key), "src", "src" + 3, &c) == 3 && !memcmp(key, "src", 3));
	CHECK(p_Getdateorder() == 2);       /* time_base::mdy */
	none.table = (const short *)__pctype_func();
	CHECK(p_Toupper('q', &none) == 'Q' && p_Toupper(0xE4, &none) == 0xE4);

	/* a named locale */
	CHECK(setlocale(LC_ALL, "German_Germany.1252") != NULL);
	de = p_Getcoll();
	CHECK(de.locale_name && !wcscmp(de.locale_name, L"de-DE"));
	CHECK(coll("a", "B", &de) < 0 && coll("\xe4", "b", &de) < 0 && coll("b", "b", &de) == 0);
	CHECK(key_order("a", "B", &de) < 0 && key_order("B", "a", &de) > 0);
	CHECK(p_Strxfrm(key, key + 1, "src", "src" + 3, &de) > 3);
	CHECK(p_Getdateorder() == 1);       /* dmy */
	cp1252.table = (const short *)__pctype_func();
	CHECK(p_Toupper(0xE4, &cp1252) == 0xC4 && p_Tolower(0xC4, &cp1252) == 0xE4);
	CHECK(p_Toupper('q', &cp1252) == 'Q' && p_Toupper(0xC4, &cp1252) == 0xC4);
	CHECK(setlocale(LC_TIME, "Japanese_Japan.932") != NULL && p_Getdateorder() == 3);   /* ymd */
	setlocale(LC_ALL, "C");
	printf("msvcp locale: %d checks, %d failed\n", checks, failed);
	return failed != 0;
}
