/**
 * Show/hide button for password fields (the button stays hidden without
 * JavaScript, where the field simply stays masked).
 */
export function passwordToggle() {
  return {
    visible: false,
    hidden: false,
    get inputType() {
      return this.visible ? 'text' : 'password'
    },
    get pressed() {
      return this.visible ? 'true' : 'false'
    },
    toggle() {
      this.visible = !this.visible
    },
  }
}
