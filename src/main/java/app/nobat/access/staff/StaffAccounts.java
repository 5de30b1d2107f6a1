package app.nobat.access.staff;

import app.nobat.platform.mongo.Inserts;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Staff accounts: a user name, a password hash (never the password) and a role. Each account counts
 * its sessions' generations: a signed-in session belongs to the generation it was opened in, and
 * {@link #endSessions} starts a new one, so that every older session (on any node) stops working.
 */
public class StaffAccounts {

    private static final String GENERATION = "sessionGeneration";

    private final MongoCollection<Document> accounts;

    public StaffAccounts(MongoDatabase database) {
        this.accounts = database.getCollection("staff_accounts");
    }

    /**
     * {@code centres}: the centres the account may act at, empty for all of them;
     * {@code sessionGeneration}: sessions opened under an older generation are ended.
     */
    public record Account(
            String username,
            String passwordHash,
            StaffRole role,
            boolean disabled,
            List<String> centres,
            long sessionGeneration) {
        public Account {
            centres = centres == null ? List.of() : List.copyOf(centres);
        }

        /** A new account, or a change of one: {@link #save} keeps the stored generation. */
        public Account(String username, String passwordHash, StaffRole role, boolean disabled, List<String> centres) {
            this(username, passwordHash, role, disabled, centres, 0);
        }

        public Account(String username, String passwordHash, StaffRole role, boolean disabled) {
            this(username, passwordHash, role, disabled, List.of(), 0);
        }
    }

    /** @return false when the name is taken */
    public boolean create(Account account) {
        return Inserts.insertIfAbsent(accounts, toDocument(account));
    }

    /** Creates or changes an account; its session generation is left as it is (see {@link #endSessions}). */
    public void save(Account account) {
        accounts.updateOne(
                Filters.eq("_id", account.username()),
                Updates.combine(
                        Updates.set("passwordHash", account.passwordHash()),
                        Updates.set("role", account.role().name()),
                        Updates.set("disabled", account.disabled()),
                        Updates.set("centres", account.centres()),
                        Updates.setOnInsert(GENERATION, 0L)),
                new UpdateOptions().upsert(true));
    }

    /** Ends every session of the account opened so far: they belong to an older generation now. */
    public void endSessions(String username) {
        accounts.updateOne(Filters.eq("_id", username), Updates.inc(GENERATION, 1L));
    }

    /** Replaces a hash by a stronger one of the same password, unless the password changed meanwhile. */
    public void replaceHash(String username, String oldHash, String newHash) {
        accounts.updateOne(
                Filters.and(Filters.eq("_id", username), Filters.eq("passwordHash", oldHash)),
                Updates.set("passwordHash", newHash));
    }

    public Optional<Account> find(String username) {
        return Optional.ofNullable(accounts.find(Filters.eq("_id", username)).first())
                .map(StaffAccounts::toAccount);
    }

    public List<Account> all() {
        List<Account> all = new ArrayList<>();
        accounts.find().forEach(d -> all.add(toAccount(d)));
        return all;
    }

    private static Document toDocument(Account a) {
        return new Document("_id", a.username())
                .append("passwordHash", a.passwordHash())
                .append("role", a.role().name())
                .append("disabled", a.disabled())
                .append("centres", a.centres())
                .append(GENERATION, a.sessionGeneration());
    }

    private static Account toAccount(Document d) {
        return new Account(
                d.getString("_id"),
                d.getString("passwordHash"),
                StaffRole.valueOf(d.getString("role")),
                Boolean.TRUE.equals(d.getBoolean("disabled")),
                d.getList("centres", String.class),
                d.get(GENERATION) instanceof Number n ? n.longValue() : 0); // accounts stored before generations
    }
}
