// source: src/nix-build/nix-build.cc of Nix 2.8.0, lines 546-550
// upstream: https://github.com/NixOS/nix/blob/2.8.0/src/nix-build/nix-build.cc#L546-L550
// taken from: Debian bookworm's nix_2.8.0.orig.tar.xz, fetched with apt-get source, which checked it against the archive's signed Release file

        logger->stop();

        execvp(shell->c_str(), argPtrs.data());

        throw SysError("executing shell '%s'", *shell);
