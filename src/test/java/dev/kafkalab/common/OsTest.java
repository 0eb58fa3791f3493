package dev.kafkalab.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the app does differently on Windows, macOS and Linux, tested on any of them. */
class OsTest {

    @Test
    void theSystemIsToldFromItsOsName() {
        assertEquals(Os.WINDOWS, Os.of("Windows 11"));
        assertEquals(Os.WINDOWS, Os.of("Windows Server 2022"));
        assertEquals(Os.MACOS, Os.of("Mac OS X"));
        assertEquals(Os.LINUX, Os.of("Linux"));
        assertEquals(Os.OTHER, Os.of("FreeBSD"));
        assertEquals(Os.of(System.getProperty("os.name")), Os.current());
    }

    @Test
    void windowsHasNoSigstopNorNiceAndSaysWhatToDoInstead() {
        assertFalse(Os.WINDOWS.canFreeze());
        assertFalse(Os.WINDOWS.canNice());
        assertEquals("Freezing needs SIGSTOP, which Windows does not have: stop or kill the broker instead.",
                Os.WINDOWS.noFreeze());
        for (Os os : new Os[] {Os.LINUX, Os.MACOS}) {
            assertTrue(os.canFreeze() && os.canNice(), os + " has SIGSTOP and nice");
            assertEquals("", os.noFreeze());
        }
    }

    @Test
    void theJavaLauncherIsJavaExeOnWindowsOnly() {
        Path home = Path.of("runtime");
        assertEquals(home.resolve("bin").resolve("java.exe"), Os.WINDOWS.javaLauncher(home));
        assertEquals(home.resolve("bin").resolve("java"), Os.MACOS.javaLauncher(home));
        assertEquals(home.resolve("bin").resolve("java"), Os.LINUX.javaLauncher(home));
    }

    @Test
    void dataAndCachesGoWhereEachSystemKeepsThem() {
        Path home = Path.of("/home/ada");
        Map<String, String> none = Map.of();
        assertEquals(Path.of("/home/ada/.local/share/kafka-lab"), AppDirs.data(Os.LINUX, home, none::get));
        assertEquals(Path.of("/home/ada/.cache/kafka-lab"), AppDirs.cache(Os.LINUX, home, none::get));
        Map<String, String> xdg = Map.of("XDG_DATA_HOME", "/data", "XDG_CACHE_HOME", "/caches");
        assertEquals(Path.of("/data/kafka-lab"), AppDirs.data(Os.LINUX, home, xdg::get));
        assertEquals(Path.of("/caches/kafka-lab"), AppDirs.cache(Os.LINUX, home, xdg::get));

        assertEquals(home.resolve("Library/Application Support/Kafka Lab"), AppDirs.data(Os.MACOS, home, none::get));
        assertEquals(home.resolve("Library/Caches/Kafka Lab"), AppDirs.cache(Os.MACOS, home, none::get));

        Map<String, String> windows = Map.of("LOCALAPPDATA", "C:/Users/ada/AppData/Local");
        assertEquals(Path.of("C:/Users/ada/AppData/Local", "Kafka Lab"), AppDirs.data(Os.WINDOWS, home, windows::get));
        assertEquals(Path.of("C:/Users/ada/AppData/Local", "Kafka Lab", "cache"),
                AppDirs.cache(Os.WINDOWS, home, windows::get));
        assertEquals(home.resolve("AppData/Local").resolve("Kafka Lab"), AppDirs.data(Os.WINDOWS, home, none::get),
                "without LOCALAPPDATA, the usual place under the home folder");
    }
}
