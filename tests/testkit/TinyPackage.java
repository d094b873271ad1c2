package testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import nixpylab.Proc;

/**
 * A tiny source tarball with the shape the bare builder expects (configure, Makefile, Modules/),
 * so the six steps run in seconds on real Nix. Its install copies the Setup.local that postPatch
 * wrote (so tests can see the patch reached the build) and links the host's python3: the import
 * step then runs a real interpreter without a CPython build. It is test scaffolding, not a product path.
 */
public final class TinyPackage {
    private TinyPackage() {}

    public static Path create(Path dir, String version) {
        return create(dir, version, false);
    }

    /** nondeterministic: the install also writes the build's time in nanoseconds, so no two builds are alike. */
    public static Path create(Path dir, String version, boolean nondeterministic) {
        return create(dir, version, nondeterministic, 0);
    }

    /** sleepSeconds: the build step sleeps this long first, so a test can interrupt it. */
    public static Path create(Path dir, String version, boolean nondeterministic, int sleepSeconds) {
        return create(dir, version, nondeterministic, sleepSeconds, false);
    }

    /**
     * telling: the install also writes the folder it was built in (share/built-in) and its Modules
     * folder's entries in the order the file system lists them (share/listing), so a second build in
     * another folder or file order differs where a plain second build does not.
     */
    public static Path create(Path dir, String version, boolean nondeterministic, int sleepSeconds, boolean telling) {
        try {
            Path top = dir.resolve("Python-" + version);
            Files.createDirectories(top.resolve("Modules"));
            Files.writeString(top.resolve("Modules/README"), "modules live here\n");
            if (telling) {
                for (String m : List.of("_ctypes.c", "_sqlite.c", "_ssl.c", "zlibmodule.c", "_lzma.c", "_bz2.c", "readline.c", "_uuid.c")) Files.writeString(top.resolve("Modules").resolve(m), m + "\n");
            }
            Path configure = top.resolve("configure");
            Files.writeString(configure, "#!/bin/sh\nfor a in \"$@\"; do case \"$a\" in --prefix=*) prefix=\"${a#--prefix=}\";; esac; done\n"
                    + "echo \"prefix = $prefix\" > config.mk\n");
            Files.setPosixFilePermissions(configure, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.writeString(top.resolve("Makefile"), "include config.mk\nall:\n" + (sleepSeconds > 0 ? "\tsleep " + sleepSeconds + "\n" : "") + "\tcp Modules/Setup.local built-setup.txt\n"
                    + "install:\n\tmkdir -p $(prefix)/bin $(prefix)/share\n\tcp built-setup.txt $(prefix)/share/Setup.local\n"
                    + "\tln -s /usr/bin/python3 $(prefix)/bin/python3\n"
                    + (nondeterministic ? "\tdate +%s%N > $(prefix)/share/built-at\n" : "")
                    + (telling ? "\tpwd > $(prefix)/share/built-in\n\tls -f -1 Modules > $(prefix)/share/listing\n" : ""));
            Path tarball = dir.resolve("Python-" + version + ".tar.gz");
            Proc.Result r = Proc.of("tar", "-czf", tarball.toString(), "-C", dir.toString(), "Python-" + version).timeout(Duration.ofSeconds(30)).run();
            if (!r.ok()) throw new IllegalStateException("tar failed: " + r.stderr());
            return tarball;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
