package org.regionalexchange.gateway.checkpoints;

/**
 * Where a log first fails to extend a checkpoint: the lane, the event the checkpoint named (or the
 * first broken event of the chain) and why, as a stable code (docs/dpo-guide.md "Checkpoints").
 *
 * @param lane    null when the break names no lane (a peer whose chain does not verify)
 */
public record FirstBreak(Integer lane, Long eventId, String problem) {
}
