/*
 * Test scaffolding for packaging/check, never shipped in a package.
 *
 * Rust's standard library asks Windows for random numbers through
 * ProcessPrng in bcryptprimitives.dll, which Windows 10 and later have and
 * Wine 8 (Debian 12) does not. This stand-in, placed in the test Wine
 * prefix's system32, answers through RtlGenRandom (advapi32's
 * SystemFunction036), which Wine has.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
