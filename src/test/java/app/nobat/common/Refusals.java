package app.nobat.common;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Fixture matchers that name the refusal a rule gives (its catalog entry), not only its class. */
public final class Refusals {

    private Refusals() {}

    /** A refusal of this catalog entry (whose code clients and screens act on). */
    public static Matcher<Object> refused(Refusal refusal) {
        return new TypeSafeMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof Refused r && r.refusal() == refusal;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal with the code ").appendValue(refusal.code());
            }

            @Override
            protected void describeMismatchSafely(Object item, Description mismatch) {
                mismatch.appendText(item instanceof Refused r ? "was refused with " + r.code() : "was " + item);
            }
        };
    }

    /** An {@link InvalidInput} of this catalog entry, pointing at this field (a JSON pointer). */
    public static Matcher<Object> invalid(Refusal refusal, String field) {
        return new TypeSafeMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof InvalidInput i && i.refusal() == refusal && field.equals(i.field());
            }

            @Override
            public void describeTo(Description description) {
                description
                        .appendText("invalid input ")
                        .appendValue(refusal.code())
                        .appendText(" at ")
                        .appendValue(field);
            }

            @Override
            protected void describeMismatchSafely(Object item, Description mismatch) {
                mismatch.appendText(
                        item instanceof InvalidInput i ? "was " + i.code() + " at " + i.field() : "was " + item);
            }
        };
    }
}
