package app.nobat.floor.wiring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@code floor.FloorStarted} revision 1 to 2: the settings were the domain's {@code FloorSettings}
 * as it was then ({@code servicePrefixes} a map of code to prefix, {@code deskServices} a map of
 * desk to codes); revision 2 holds them in the event's own terms, a list of services and a map of
 * desks. Nothing else changed.
 */
final class FloorStartedUpcaster extends SingleEventUpcaster {

    static final String NAME = "floor.FloorStarted";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return NAME.equals(representation.getType().getName())
                && "1".equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcast(
                new SimpleSerializedType(NAME, "2"), JsonNode.class, FloorStartedUpcaster::toRevisionTwo, m -> m);
    }

    static JsonNode toRevisionTwo(JsonNode event) {
        ObjectNode copy = event.deepCopy();
        ObjectNode settings = (ObjectNode) copy.get("settings");
        JsonNode prefixes = settings.remove("servicePrefixes");
        ArrayNode services = settings.putArray("services");
        List<Map.Entry<String, JsonNode>> byCode = new ArrayList<>();
        if (prefixes != null) {
            prefixes.fields().forEachRemaining(byCode::add);
        }
        byCode.sort(Map.Entry.comparingByKey());
        byCode.forEach(e -> services.addObject().put("code", e.getKey()).set("prefix", e.getValue()));
        JsonNode desks = settings.remove("deskServices");
        settings.set("desks", desks == null ? settings.objectNode() : desks);
        return copy;
    }
}
