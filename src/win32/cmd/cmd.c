/*
 * cmd.exe, the part programs use: "cmd /c COMMAND" as the C runtime's
 * system() and _popen() run it.  COMMAND is one program with its
 * arguments and redirections (<file, >file, >>file, n>file, n>&m; "nul"
 * is the null device); /c, /k, /s, /d and /q are taken (/k as /c).  The
 * quotes around COMMAND follow cmd's documented rule: kept only without
 * /s when there are exactly two, nothing special between them, some
 * white space between them, and they name an existing file; otherwise a
 * leading quote and the last one are removed.  Not yet: built-in
 * commands, batch files, pipes and the &, &&, || chains (they fail with
 * exit status 1 and a message).  The program's exit code is cmd's.
 */
#include <windows.h>

#define LINE_MAX_CHARS 32768
#define NOT_RECOGNIZED 9009

static WCHAR line[LINE_MAX_CHARS], program[LINE_MAX_CHARS], target[MAX_PATH];

static void say(const char *text)
{
	DWORD n;

	WriteFile(GetStdHandle(STD_ERROR_HANDLE), text, lstrlenA(text), &n, NULL);
}

static const WCHAR *skip_blanks(const WCHAR *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* Past the program name at the start of the command line. */
static const WCHAR *skip_argv0(const WCHAR *p)
{
	if (*p == '"') {
		for (p++; *p && *p != '"'; p++)
			;
		return *p ? p + 1 : p;
	}
	while (*p && *p != ' ' && *p != '\t')
		p++;
	return p;
}

/* The switches before the command: whether /s was among them; *command
 * where the command starts, NULL without /c or /k. */
static BOOL read_switches(const WCHAR *p, const WCHAR **command)
{
	BOOL s = FALSE;

	*command = NULL;
	for (p = skip_blanks(p); p[0] == '/' && p[1]; p = skip_blanks(p + 2)) {
		WCHAR c = p[1] | 0x20;

		if (c == 's')
			s = TRUE;
		else if (c == 'c' || c == 'k') {
			*command = skip_blanks(p + 2);
			break;
		}
	}
	return s;
}

static BOOL is_special(WCHAR c)
{
	return c == '&' || c == '<' || c == '>' || c == '(' || c == ')' || c == '@' || c == '^' ||
	       c == '|';
}

static BOOL is_operator(WCHAR c)
{
	return c == '&' || c == '|' || c == '<' || c == '>';
}

/* The documented rule that keeps the quotes (see the top). */
static BOOL keeps_quotes(const WCHAR *cmd, BOOL s_switch)
{
	const WCHAR *first = NULL, *second = NULL;
	BOOL blank = FALSE;
	int quotes = 0;
	DWORD len;

	for (const WCHAR *p = cmd; *p; p++)
		if (*p == '"' && ++quotes == 1)
			first = p;
		else if (*p == '"' && quotes == 2)
			second = p;
	if (s_switch || quotes != 2)
		return FALSE;
	for (const WCHAR *p = first + 1; p < second; p++) {
		if (is_special(*p))
			return FALSE;
		blank |= *p == ' ' || *p == '\t';
	}
	len = (DWORD)(second - first - 1);
	if (!blank || len >= MAX_PATH)
		return FALSE;
	lstrcpynW(target, first + 1, (int)len + 1);
	return GetFileAttributesW(target) != INVALID_FILE_ATTRIBUTES;
}

/* The command with cmd's outer quotes removed, into line. */
static void unquote(const WCHAR *cmd, BOOL s_switch)
{
	const WCHAR *last = NULL;
	WCHAR *o = line;

	if (*cmd != '"' || keeps_quotes(cmd, s_switch)) {
		lstrcpynW(line, cmd, LINE_MAX_CHARS);
		return;
	}
	for (const WCHAR *p = cmd + 1; *p; p++)
		if (*p == '"')
			last = p;
	for (const WCHAR *p = cmd + 1; *p && o < line + LINE_MAX_CHARS - 1; p++)
		if (p != last)
			*o++ = *p;
	*o = 0;
}

/* The standard handles the program gets (opened ones inheritable). */
static HANDLE std[3];

static HANDLE open_target(const WCHAR *name, WCHAR op, BOOL append)
{
	SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
	HANDLE h;

	if (op == '<')
		return CreateFileW(name, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, &sa,
				   OPEN_EXISTING, 0, NULL);
	h = CreateFileW(name, append ? FILE_APPEND_DATA : GENERIC_WRITE,
			FILE_SHARE_READ | FILE_SHARE_WRITE, &sa,
			append ? OPEN_ALWAYS : CREATE_ALWAYS, 0, NULL);
	return h;
}

/* One word after a redirection (quoted or up to a blank or operator)
 * into target; past it. */
static const WCHAR *read_word(const WCHAR *p)
{
	WCHAR *o = target;
	BOOL quoted = FALSE;

	for (p = skip_blanks(p); *p && o < target + MAX_PATH - 1; p++) {
		if (*p == '"') {
			quoted = !quoted;
			continue;
		}
		if (!quoted && (*p == ' ' || *p == '\t' || is_special(*p)))
			break;
		*o++ = *p;
	}
	*o = 0;
	return p;
}

/* The redirection at p (fd n, op '<' or '>'): applied; past it, or NULL
 * when it cannot be. */
static const WCHAR *redirect(const WCHAR *p, int n, WCHAR op)
{
	BOOL append = op == '>' && p[1] == '>';
	HANDLE h;

	p += append ? 2 : 1;
	if (*p == '&' && p[1] >= '0' && p[1] <= '2') {
		std[n] = std[p[1] - '0'];
		return p + 2;
	}
	p = read_word(p);
	if (!target[0] || (h = open_target(target, op, append)) == INVALID_HANDLE_VALUE)
		return NULL;
	if (append)
		SetFilePointer(h, 0, NULL, FILE_END);
	std[n] = h;
	return p;
}

/* line without its redirections into program; FALSE (said why) when a
 * redirection fails or the line chains commands. */
static BOOL split_redirections(void)
{
	WCHAR *o = program;
	BOOL quoted = FALSE;

	for (const WCHAR *p = line; *p;) {
		BOOL fd_digit = *p >= '0' && *p <= '2' && (p[1] == '>' || p[1] == '<') &&
				(p == line || p[-1] == ' ' || p[-1] == '\t');

		if (*p == '"')
			quoted = !quoted;
		if (!quoted && *p == '^' && p[1]) { /* the escape: the next character as is */
			*o++ = p[1];
			p += 2;
			continue;
		}
		if (quoted || !(fd_digit || is_operator(*p))) {
			*o++ = *p++;
			continue;
		}
		if (*p == '&' || *p == '|') {
			say("cmd: command chains and pipes are not supported yet\r\n");
			return FALSE;
		}
		if (!(p = fd_digit ? redirect(p + 1, p[0] - '0', p[1])
				   : redirect(p, *p == '<' ? 0 : 1, *p))) {
			say("The system cannot find the file specified.\r\n");
			return FALSE;
		}
	}
	while (o > program && (o[-1] == ' ' || o[-1] == '\t'))
		o--;
	*o = 0;
	return TRUE;
}

/* h as a handle the child inherits (cmd's own standard handles may not
 * be inheritable: a copy that is). */
static HANDLE inheritable(HANDLE h)
{
	HANDLE dup;
	DWORD flags;

	if (!h || h == INVALID_HANDLE_VALUE || !GetHandleInformation(h, &flags) ||
	    (flags & HANDLE_FLAG_INHERIT))
		return h;
	if (!DuplicateHandle(GetCurrentProcess(), h, GetCurrentProcess(), &dup, 0, TRUE,
			     DUPLICATE_SAME_ACCESS))
		return h;
	return dup;
}

static DWORD run(void)
{
	STARTUPINFOW si = { sizeof(si) };
	PROCESS_INFORMATION pi;
	DWORD code = 1;

	si.dwFlags = STARTF_USESTDHANDLES;
	si.hStdInput = inheritable(std[0]);
	si.hStdOutput = inheritable(std[1]);
	si.hStdError = inheritable(std[2]);
	if (!CreateProcessW(NULL, program, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi)) {
		DWORD e = GetLastError();

		if (e != ERROR_FILE_NOT_FOUND && e != ERROR_PATH_NOT_FOUND)
			return 1;
		say("the command is not recognized as an internal or external command,\r\n"
		    "operable program or batch file.\r\n");
		return NOT_RECOGNIZED;
	}
	WaitForSingleObject(pi.hProcess, INFINITE);
	GetExitCodeProcess(pi.hProcess, &code);
	CloseHandle(pi.hThread);
	CloseHandle(pi.hProcess);
	return code;
}

void entry(void)
{
	const WCHAR *command;
	BOOL s_switch = read_switches(skip_argv0(GetCommandLineW()), &command);

	if (!command) {
		say("cmd: only cmd /c COMMAND is supported\r\n");
		ExitProcess(1);
	}
	for (int i = 0; i < 3; i++)
		std[i] = GetStdHandle(STD_INPUT_HANDLE - (DWORD)i);
	unquote(command, s_switch);
	if (!split_redirections())
		ExitProcess(1);
	if (!program[0])
		ExitProcess(0);
	ExitProcess(run());
}
