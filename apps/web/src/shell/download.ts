/** Saves text or a data URL as a file through the browser's download. */
export function download(
  fileName: string,
  content: { text: string; type: string } | { url: string },
): void {
  const url =
    'url' in content
      ? content.url
      : URL.createObjectURL(new Blob([content.text], { type: content.type }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.click()
  if (!('url' in content)) URL.revokeObjectURL(url)
}
