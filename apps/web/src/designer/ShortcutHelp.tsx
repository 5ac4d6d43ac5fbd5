import { Dialog } from '../shell/Dialog'
import { bindingLabel, SHORTCUTS } from './shortcuts'

/** Every keyboard shortcut of the designer, from the same table that handles the keys. */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  return (
    <Dialog
      title="Keyboard shortcuts"
      onClose={onClose}
      className="shortcut-help"
      closeLabel="Close"
    >
      <table>
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.action}>
              <td>
                {shortcut.bindings.map((binding, index) => (
                  <span key={index}>
                    {index > 0 && ' or '}
                    <kbd>{bindingLabel(binding)}</kbd>
                  </span>
                ))}
              </td>
              <td>{shortcut.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="dialog__help">
        Drag from a node&rsquo;s right handle to another node&rsquo;s left handle to wire them; hold
        Shift and drag to select several nodes. Scroll to zoom, drag the background to pan.
      </p>
    </Dialog>
  )
}
