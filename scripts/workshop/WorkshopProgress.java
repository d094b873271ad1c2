package workshop;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A learner's progress in a workshop folder, typed: per exercise its state, the hints shown, the
 * last check's message and time; for the folder its nonce and the CPython source found for it.
 * {@link WorkshopFolder} is its one owner: it locks the folder, reads it and writes it.
 */
final class WorkshopProgress {
    /** One exercise's progress; state is empty until the workshop has seen the exercise. */
    record Entry(Optional<WorkshopFolder.State> state, int hints, String message, String seconds) {
        static final Entry NONE = new Entry(Optional.empty(), 0, "", "");
    }

    /** The CPython tarball the exercises that fetch one use: where, its hash (SRI) and version. */
    record Source(String url, String hash, String version) {}

    private final Map<String, Entry> entries = new HashMap<>();
    private String nonce;
    private Source source;

    Entry of(Exercise e) {
        return entries.getOrDefault(e.slug(), Entry.NONE);
    }

    void put(Exercise e, Entry entry) {
        entries.put(e.slug(), entry);
    }

    /** Forgets an exercise's state and last check, keeping the hints already shown. */
    void forgetChecks(Exercise e) {
        entries.put(e.slug(), new Entry(Optional.empty(), of(e).hints(), "", ""));
    }

    Optional<String> nonce() {
        return Optional.ofNullable(nonce);
    }

    void nonce(String n) {
        nonce = n;
    }

    Optional<Source> source() {
        return Optional.ofNullable(source);
    }

    void source(Source s) {
        source = s;
    }

    Properties toProperties() {
        Properties p = new Properties();
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            String k = e.getKey() + ".";
            Entry v = e.getValue();
            v.state().ifPresent(s -> p.setProperty(k + "state", s.name()));
            if (v.hints() > 0) p.setProperty(k + "hints", Integer.toString(v.hints()));
            if (!v.message().isEmpty()) p.setProperty(k + "message", v.message());
            if (!v.seconds().isEmpty()) p.setProperty(k + "seconds", v.seconds());
        }
        if (nonce != null) p.setProperty("nonce", nonce);
        if (source != null) {
            p.setProperty("source.url", source.url());
            p.setProperty("source.hash", source.hash());
            p.setProperty("source.version", source.version());
        }
        return p;
    }

    static WorkshopProgress of(Properties p) {
        WorkshopProgress w = new WorkshopProgress();
        for (String key : p.stringPropertyNames()) {
            int dot = key.indexOf('.');
            if (dot < 0 || !key.matches("[0-9]{2}-[a-z0-9-]+\\..*")) continue;
            String slug = key.substring(0, dot);
            if (w.entries.containsKey(slug)) continue;
            String state = p.getProperty(slug + ".state");
            w.entries.put(slug, new Entry(state == null ? Optional.empty() : Optional.of(WorkshopFolder.State.valueOf(state.toUpperCase(Locale.ROOT))),
                    Integer.parseInt(p.getProperty(slug + ".hints", "0")), p.getProperty(slug + ".message", ""), p.getProperty(slug + ".seconds", "")));
        }
        w.nonce = p.getProperty("nonce");
        if (p.getProperty("source.hash") != null) w.source = new Source(p.getProperty("source.url"), p.getProperty("source.hash"), p.getProperty("source.version"));
        return w;
    }
}
