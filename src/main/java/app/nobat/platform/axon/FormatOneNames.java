package app.nobat.platform.axon;

import java.util.Map;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * The first upcaster of the chain: an event stored before names and revisions existed (data
 * format 1: its Java class name, no revision) becomes revision 1 of its registered name, unchanged
 * otherwise, so that every later upcaster matches on names alone.
 */
public final class FormatOneNames extends SingleEventUpcaster {

    /** The revision every event type had in format 1. */
    static final String FIRST_REVISION = "1";

    private final Map<String, String> namesByClassName;

    public FormatOneNames(EventNames names) {
        this.namesByClassName = names.formatOneNames();
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().getRevision() == null
                && namesByClassName.containsKey(representation.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        String name = namesByClassName.get(representation.getType().getName());
        return representation.upcast(
                new SimpleSerializedType(name, FIRST_REVISION), String.class, data -> data, metaData -> metaData);
    }
}
