/*
 * Sound: a console session has no audio device.  Every device count is
 * 0; asking for a device by number is MMSYSERR_BADDEVICEID, asking the
 * mapper (WAVE_MAPPER, MIDI_MAPPER) MMSYSERR_NODRIVER; since no device
 * opens, every handle is MMSYSERR_INVALHANDLE.  PlaySound cannot play
 * (FALSE), except that stopping (no sound, or SND_PURGE) succeeds.
 */
#define _WINMM_
#include <windows.h>
#include <mmsystem.h>

static MMRESULT no_device(UINT_PTR id)
{
	return id == (UINT_PTR)WAVE_MAPPER || id == (UINT)WAVE_MAPPER ? MMSYSERR_NODRIVER : MMSYSERR_BADDEVICEID;
}

UINT WINAPI waveOutGetNumDevs(void) { return 0; }
UINT WINAPI waveInGetNumDevs(void) { return 0; }
UINT WINAPI midiOutGetNumDevs(void) { return 0; }
UINT WINAPI midiInGetNumDevs(void) { return 0; }
UINT WINAPI mixerGetNumDevs(void) { return 0; }
UINT WINAPI auxGetNumDevs(void) { return 0; }
UINT WINAPI joyGetNumDevs(void) { return 0; }

MMRESULT WINAPI waveOutGetDevCapsW(UINT_PTR id, LPWAVEOUTCAPSW caps, UINT size)
{
	return caps ? no_device(id) : MMSYSERR_INVALPARAM;
}

MMRESULT WINAPI waveOutGetDevCapsA(UINT_PTR id, LPWAVEOUTCAPSA caps, UINT size)
{
	return caps ? no_device(id) : MMSYSERR_INVALPARAM;
}

MMRESULT WINAPI waveInGetDevCapsW(UINT_PTR id, LPWAVEINCAPSW caps, UINT size)
{
	return caps ? no_device(id) : MMSYSERR_INVALPARAM;
}

MMRESULT WINAPI waveInGetDevCapsA(UINT_PTR id, LPWAVEINCAPSA caps, UINT size)
{
	return caps ? no_device(id) : MMSYSERR_INVALPARAM;
}

MMRESULT WINAPI waveOutOpen(LPHWAVEOUT out, UINT id, LPCWAVEFORMATEX fmt, DWORD_PTR cb,
			    DWORD_PTR inst, DWORD flags)
{
	if (out)
		*out = NULL;
	return no_device(id);
}

MMRESULT WINAPI waveInOpen(LPHWAVEIN out, UINT id, LPCWAVEFORMATEX fmt, DWORD_PTR cb,
			   DWORD_PTR inst, DWORD flags)
{
	if (out)
		*out = NULL;
	return no_device(id);
}

MMRESULT WINAPI waveOutClose(HWAVEOUT h) { return MMSYSERR_INVALHANDLE; }
MMRESULT WINAPI waveOutReset(HWAVEOUT h) { return MMSYSERR_INVALHANDLE; }
MMRESULT WINAPI waveOutPause(HWAVEOUT h) { return MMSYSERR_INVALHANDLE; }
MMRESULT WINAPI waveOutRestart(HWAVEOUT h) { return MMSYSERR_INVALHANDLE; }
MMRESULT WINAPI waveInClose(HWAVEIN h) { return MMSYSERR_INVALHANDLE; }
MMRESULT WINAPI waveInReset(HWAVEIN h) { return MMSYSERR_INVALHANDLE; }
MMRESULT WINAPI waveInStart(HWAVEIN h) { return MMSYSERR_INVALHANDLE; }
MMRESULT WINAPI waveInStop(HWAVEIN h) { return MMSYSERR_INVALHANDLE; }

MMRESULT WINAPI waveOutPrepareHeader(HWAVEOUT h, LPWAVEHDR hdr, UINT size) { return MMSYSERR_INVALHANDLE; }
MMRESULT WINAPI waveOutUnprepareHeader(HWAVEOUT h, LPWAVEHDR hdr, UINT size) { return MMSYSERR_INVALHANDLE; }
MMRESULT WINAPI waveOutWrite(HWAVEOUT h, LPWAVEHDR hdr, UINT size) { return MMSYSERR_INVALHANDLE; }
MMRESULT WINAPI waveInPrepareHeader(HWAVEIN h, LPWAVEHDR hdr, UINT size) { return MMSYSERR_INVALHANDLE; }
MMRESULT WINAPI waveInUnprepareHeader(HWAVEIN h, LPWAVEHDR hdr, UINT size) { return MMSYSERR_INVALHANDLE; }
MMRESULT WINAPI waveInAddBuffer(HWAVEIN h, LPWAVEHDR hdr, UINT size) { return MMSYSERR_INVALHANDLE; }

/* The texts of the errors these functions return. */
static const struct { MMRESULT code; const WCHAR *text; } errors[] = {
	{ MMSYSERR_NOERROR, L"The specified command was carried out." },
	{ MMSYSERR_ERROR, L"Undefined external error." },
	{ MMSYSERR_BADDEVICEID, L"A device ID has been used that is out of range for your system." },
	{ MMSYSERR_NOTENABLED, L"The driver was not enabled." },
	{ MMSYSERR_ALLOCATED, L"The specified device is already in use." },
	{ MMSYSERR_INVALHANDLE, L"The specified device handle is invalid." },
	{ MMSYSERR_NODRIVER, L"There is no driver installed on your system." },
	{ MMSYSERR_NOMEM, L"There is not enough memory available for this task." },
	{ MMSYSERR_NOTSUPPORTED, L"This function is not supported." },
	{ MMSYSERR_INVALFLAG, L"An invalid flag was passed to a system function." },
	{ MMSYSERR_INVALPARAM, L"An invalid parameter was passed to a system function." },
};

MMRESULT WINAPI waveOutGetErrorTextW(MMRESULT err, LPWSTR text, UINT size)
{
	if (!text || !size)
		return MMSYSERR_INVALPARAM;
	for (unsigned i = 0; i < sizeof(errors) / sizeof(errors[0]); i++)
		if (errors[i].code == err) {
			lstrcpynW(text, errors[i].text, size);
			return MMSYSERR_NOERROR;
		}
	text[0] = 0;
	return MMSYSERR_BADERRNUM;
}

MMRESULT WINAPI waveOutGetErrorTextA(MMRESULT err, LPSTR text, UINT size)
{
	WCHAR w[256];
	MMRESULT r;

	if (!text || !size)
		return MMSYSERR_INVALPARAM;
	r = waveOutGetErrorTextW(err, w, 256);
	if (!WideCharToMultiByte(CP_ACP, 0, w, -1, text, size, NULL, NULL))
		text[size - 1] = 0;
	return r;
}

MMRESULT WINAPI waveInGetErrorTextW(MMRESULT err, LPWSTR text, UINT size)
{
	return waveOutGetErrorTextW(err, text, size);
}

MMRESULT WINAPI waveInGetErrorTextA(MMRESULT err, LPSTR text, UINT size)
{
	return waveOutGetErrorTextA(err, text, size);
}

/* Stopping what plays always works: nothing plays. */
BOOL WINAPI PlaySoundW(LPCWSTR sound, HMODULE mod, DWORD flags)
{
	return !sound || (flags & SND_PURGE);
}

BOOL WINAPI PlaySoundA(LPCSTR sound, HMODULE mod, DWORD flags)
{
	return !sound || (flags & SND_PURGE);
}

BOOL WINAPI sndPlaySoundW(LPCWSTR sound, UINT flags)
{
	return !sound;
}

BOOL WINAPI sndPlaySoundA(LPCSTR sound, UINT flags)
{
	return !sound;
}
