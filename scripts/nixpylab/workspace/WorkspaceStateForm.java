package nixpylab.workspace;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import nixpylab.derivation.Profile;
import nixpylab.derivation.RepeatableFix;
import nixpylab.nix.NixHash;
import nixpylab.nix.StorePath;
import nixpylab.source.PythonSource;

/** A workspace's state in its file's form ({@code .nixpylab/state.properties}), read and written for its one owner, {@link Workspace}. */
final class WorkspaceStateForm {
    private WorkspaceStateForm() {}

    static Properties toProperties(WorkspaceState s) {
        Properties p = new Properties();
        put(p, "profile", s.profile == null ? null : s.profile.id());
        put(p, "identity", s.identity);
        put(p, "nixStore", s.nixStore);
        put(p, "nixpkgs", s.nixpkgs == null ? null : s.nixpkgs.toString());
        if (s.source != null) {
            put(p, "sourceOrigin", s.source.origin().name());
            put(p, "sourceUrl", s.source.url());
            put(p, "pythonVersion", s.source.version());
            put(p, "sourceReason", s.source.reason());
        }
        put(p, "requestedVersion", s.requestedVersion);
        put(p, "rev", s.rev);
        put(p, "name", s.name);
        put(p, "hash", s.hash == null ? null : s.hash.sri());
        put(p, "sourcePath", s.sourcePath == null ? null : s.sourcePath.path());
        put(p, "nixFile", s.nixFile);
        put(p, "nixFileSha256", s.nixFileSha256);
        put(p, "modules", s.modules == null ? null : String.join(",", s.modules));
        put(p, "repeatable", s.fixes.isEmpty() ? null : String.join(",", s.fixes.stream().sorted().map(RepeatableFix::typed).toList()));
        put(p, "built", s.built.isEmpty() ? null : String.join(",", s.built.stream().map(StorePath::path).toList()));
        put(p, "foreign", s.foreign.isEmpty() ? null : String.join(",", s.foreign.stream().map(StorePath::path).toList()));
        put(p, "lastOut", s.lastOut == null ? null : s.lastOut.path());
        put(p, "links", s.links.isEmpty() ? null : String.join(",", s.links));
        put(p, "handTutorialAt", s.handTutorialAt == 0 ? null : Integer.toString(s.handTutorialAt));
        for (Map.Entry<String, Instant> e : s.done.entrySet()) put(p, "done." + e.getKey(), e.getValue().toString());
        return p;
    }

    static WorkspaceState of(Properties p) {
        WorkspaceState s = new WorkspaceState();
        String prof = p.getProperty("profile");
        s.profile = prof == null ? null : Profile.valueOf(prof.toUpperCase(Locale.ROOT));
        s.identity = p.getProperty("identity");
        s.nixStore = p.getProperty("nixStore");
        s.nixpkgs = p.getProperty("nixpkgs") == null ? null : Path.of(p.getProperty("nixpkgs"));
        if (p.getProperty("sourceUrl") != null) {
            s.source = new PythonSource(PythonSource.Origin.valueOf(p.getProperty("sourceOrigin")), p.getProperty("sourceUrl"), p.getProperty("pythonVersion"),
                    p.getProperty("sourceReason", ""));
        }
        s.requestedVersion = p.getProperty("requestedVersion");
        s.rev = p.getProperty("rev");
        s.name = p.getProperty("name");
        s.hash = p.getProperty("hash") == null ? null : NixHash.parse(p.getProperty("hash"));
        s.sourcePath = p.getProperty("sourcePath") == null ? null : new StorePath(p.getProperty("sourcePath"));
        s.nixFile = p.getProperty("nixFile");
        s.nixFileSha256 = p.getProperty("nixFileSha256");
        s.modules = p.getProperty("modules") == null ? null : list(p.getProperty("modules"));
        // "true": a workspace fixed before the fixes could be written one at a time
        String fixes = p.getProperty("repeatable", "");
        s.fixes = fixes.equals("true") ? RepeatableFix.all() : list(fixes).stream().flatMap(f -> RepeatableFix.forClass(f).stream()).collect(Collectors.toSet());
        for (String b : list(p.getProperty("built", ""))) s.built.add(new StorePath(b));
        for (String f : list(p.getProperty("foreign", ""))) s.foreign.add(new StorePath(f));
        s.lastOut = p.getProperty("lastOut") == null ? null : new StorePath(p.getProperty("lastOut"));
        s.links.addAll(list(p.getProperty("links", "")));
        s.handTutorialAt = p.getProperty("handTutorialAt", "0").matches("[0-9]{1,2}") ? Integer.parseInt(p.getProperty("handTutorialAt", "0")) : 0;
        for (String name : p.stringPropertyNames()) {
            if (name.startsWith("done.")) s.done.put(name.substring("done.".length()), Instant.parse(p.getProperty(name)));
        }
        return s;
    }

    private static void put(Properties p, String key, String value) {
        if (value != null) p.setProperty(key, value);
    }

    private static List<String> list(String v) {
        return v.isBlank() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(v.split(",")));
    }
}
