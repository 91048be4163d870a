// One raw TCP exchange with a server on 127.0.0.1: write bytes as given (malformed, pipelined,
// oversized), collect everything that comes back until the server closes or `waitMs` passes.
import { connect, type Socket } from 'node:net'

export function rawExchange(
  port: number,
  payload: string | Buffer,
  { endAfterWrite = false, waitMs = 3000 } = {},
): Promise<{ text: string; closed: boolean }> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(port, '127.0.0.1')
    let text = ''
    const timer = setTimeout(() => {
      socket.destroy()
      resolve({ text, closed: false })
    }, waitMs)
    socket.on('data', (d) => (text += d.toString('latin1')))
    socket.on('close', () => {
      clearTimeout(timer)
      resolve({ text, closed: true })
    })
    // The server may hang up while we still write (that is what some of the tests provoke).
    socket.on('error', (e) => (['ECONNRESET', 'EPIPE'].includes((e as NodeJS.ErrnoException).code ?? '') ? undefined : reject(e)))
    socket.write(payload, () => endAfterWrite && socket.end())
  })
}
