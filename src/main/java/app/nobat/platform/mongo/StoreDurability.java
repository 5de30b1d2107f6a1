package app.nobat.platform.mongo;

/**
 * Makes acknowledged writes durable before a command's answer leaves: the embedded store commits
 * its file; a real MongoDB does that itself (use a write concern of majority in its URI).
 */
@FunctionalInterface
public interface StoreDurability {

    void flush();
}
