import QRCode from 'qrcode'

/**
 * A QR code as inline SVG markup, drawn on the server (no script, no
 * external request; the CSP allows inline SVG). Margin of 1 module: the
 * letter page gives it white space around. Level M survives a crease or
 * a smudge on a flyer.
 */
export async function qrCodeSvg(text: string, label: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
  const escaped = label.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')
  return svg.replace('<svg ', `<svg class="qr-code" role="img" aria-label="${escaped}" `)
}
