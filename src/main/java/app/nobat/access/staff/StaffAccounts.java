package app.nobat.access.staff;

import app.nobat.platform.mongo.Inserts;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Staff accounts: a user name, a password hash (never the password) and a role. */
public class StaffAccounts {

    private final MongoCollection<Document> accounts;

    public StaffAccounts(MongoDatabase database) {
        this.accounts = database.getCollection("staff_accounts");
    }

    /** {@code centres}: the centres the account may act at; empty for all of them. */
    public record Account(String username, String passwordHash, StaffRole role, boolean disabled,
                          List<String> centres) {
        public Account {
            centres = centres == null ? List.of() : List.copyOf(centres);
        }

        public Account(String username, String passwordHash, StaffRole role, boolean disabled) {
            this(username, passwordHash, role, disabled, List.of());
        }
    }

    /** @return false when the name is taken */
    public boolean create(Account account) {
        return Inserts.insertIfAbsent(accounts, toDocument(account));
    }

    public void save(Account account) {
        accounts.replaceOne(Filters.eq("_id", account.username()), toDocument(account), new ReplaceOptions().upsert(true));
    }

    /** Replaces a hash by a stronger one of the same password, unless the password changed meanwhile. */
    public void replaceHash(String username, String oldHash, String newHash) {
        accounts.updateOne(Filters.and(Filters.eq("_id", username), Filters.eq("passwordHash", oldHash)),
                com.mongodb.client.model.Updates.set("passwordHash", newHash));
    }

    public Optional<Account> find(String username) {
        return Optional.ofNullable(accounts.find(Filters.eq("_id", username)).first()).map(StaffAccounts::toAccount);
    }

    public List<Account> all() {
        List<Account> all = new ArrayList<>();
        accounts.find().forEach(d -> all.add(toAccount(d)));
        return all;
    }

    private static Document toDocument(Account a) {
        return new Document("_id", a.username()).append("passwordHash", a.passwordHash())
                .append("role", a.role().name()).append("disabled", a.disabled())
                .append("centres", a.centres());
    }

    private static Account toAccount(Document d) {
        return new Account(d.getString("_id"), d.getString("passwordHash"), StaffRole.valueOf(d.getString("role")),
                Boolean.TRUE.equals(d.getBoolean("disabled")), d.getList("centres", String.class));
    }
}
