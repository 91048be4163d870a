// Deterministic face outcomes, steered by markers in `imageUrl` (like a card processor's test
// numbers), so an integration can exercise both branches. Matching is case-insensitive on the
// whole URL. Without a marker, every face is alive and matches.

/** Marker → liveness rejection (`message` is the reason CAF gives; null for a plain spoof). */
export const LIVENESS_MARKERS: readonly (readonly [marker: string, message: string | null])[] = [
  ['no-face', 'Não encontramos nenhum rosto na imagem'],
  ['multiple-faces', 'Sua foto deve conter apenas um rosto'],
  ['too-close', 'Seu rosto está muito próximo da câmera'],
  ['too-small', 'Seu rosto está muito pequeno'],
  ['not-aligned', 'Seu rosto não está alinhado à câmera'],
  ['spoof', null],
]

/** Marker that makes face authentication find a different person. */
export const MISMATCH_MARKER = 'mismatch'

export interface LivenessOutcome {
  isAlive: boolean
  probability: number
  message: string | null
}

export interface MatchOutcome {
  isFaceMatch: boolean
  similarity: number
}

/** What the liveness check answers for no image at all (an [I] choice: docs/vendors/caf.md). */
export const NO_IMAGE_MESSAGE = 'Nenhuma imagem foi enviada'

export function livenessOf(imageUrl: string | undefined): LivenessOutcome {
  const url = (imageUrl ?? '').toLowerCase()
  for (const [marker, message] of LIVENESS_MARKERS) {
    if (url.includes(marker)) return { isAlive: false, probability: 0.02, message }
  }
  return { isAlive: true, probability: 0.99, message: null }
}

export function faceMatchOf(imageUrl: string | undefined): MatchOutcome {
  return (imageUrl ?? '').toLowerCase().includes(MISMATCH_MARKER)
    ? { isFaceMatch: false, similarity: 0.18 }
    : { isFaceMatch: true, similarity: 0.97 }
}
