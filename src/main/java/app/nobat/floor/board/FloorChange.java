package app.nobat.floor.board;

/**
 * One change of a centre's current floor as its live screens see it.
 *
 * @param seq    the feed's own position, dense per centre on this node
 * @param kind   what changed ({@link FloorChangeKind})
 * @param detail what changed (a call, a desk, …), for the screens to react to; null for a snapshot
 * @param board  a frozen copy of the board after the change (or, told again after a reconnect, the board now)
 */
public record FloorChange(String epoch, long seq, FloorChangeKind kind, Object detail, FloorBoard board) {

    public String eventId() {
        return epoch + "-" + seq;
    }

    FloorChange withBoard(FloorBoard other) {
        return new FloorChange(epoch, seq, kind, detail, other);
    }
}
