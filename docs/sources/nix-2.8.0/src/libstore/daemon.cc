// source: src/libstore/daemon.cc of Nix 2.8.0, lines 70-74, 212-216, 246-250, 526-530, 699-703
// upstream: https://github.com/NixOS/nix/blob/2.8.0/src/libstore/daemon.cc#L70-L74
// taken from: Debian bookworm's nix_2.8.0.orig.tar.xz, fetched with apt-get source, which checked it against the archive's signed Release file

    void log(Verbosity lvl, const FormatOrString & fs) override
    {
        if (lvl > verbosity) return;

        StringSink buf;
[…]
                if (name != res.name && res.aliases.count(name) == 0)
                    return false;
                StringSet trusted = settings.trustedSubstituters;
                for (auto & s : settings.substituters.get())
                    trusted.insert(s);
[…]
                    ;
                else
                    debug("ignoring the client-specified setting '%s', because it is a restricted setting and you are not a trusted user", name);
            } catch (UsageError & e) {
                warn(e.what());
[…]
               clients.  */
            if (mode == bmRepair && !trusted)
                throw Error("repairing is not allowed because you are not in 'trusted-users'");
        }
        logger->startWork();
[…]
        logger->startWork();
        if (options.ignoreLiveness)
            throw Error("you are not allowed to ignore liveness");
        auto & gcStore = require<GcStore>(*store);
        gcStore.collectGarbage(options, results);
