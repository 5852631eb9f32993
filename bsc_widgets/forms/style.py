"""The look of every workbook: readable on a phone, visible focus, colour never alone. No web fonts, no CDN."""

CSS = """<style>
.bsc-home h1 {font-size: 1.6em; margin: 0 0 .2em}
.bsc-home h2 {font-size: 1.2em; margin: 1em 0 .4em}
.bsc-aim {border-left: 4px solid #1f6f8b; padding: .4em .8em; background: #f3f8fa; max-width: 60em}
.bsc-timeline {display: flex; width: 100%; max-width: 60em; height: 1.6em; border-radius: 4px; overflow: hidden}
.bsc-seg {height: 100%; border-right: 1px solid #fff}
.bsc-seg.pre_work {background: #c9d6df} .bsc-seg.learning_session {background: #1f6f8b}
.bsc-seg.action_period {background: #99c1d1} .bsc-seg.summative {background: #52616b}
.bsc-seg.now {outline: 3px solid #e07a1f; outline-offset: -3px}
.bsc-phases {border-collapse: collapse; max-width: 60em; width: 100%}
.bsc-phases td, .bsc-phases th {text-align: left; padding: .2em .6em .2em 0; vertical-align: top}
.bsc-phases tr.now td {font-weight: bold}
.bsc-now-tag {background: #e07a1f; color: #fff; border-radius: 3px; padding: 0 .4em; font-size: .85em}
.bsc-msg {padding: .6em .8em; border-radius: 4px; margin: .4em 0; max-width: 60em}
.bsc-msg-error {background: #fdecea; border: 1px solid #b3261e}
.bsc-msg-info, .bsc-msg-ok {background: #eef6ee; border: 1px solid #2e7d32}
.bsc-workbooks li {margin: .3em 0}
.bsc-soon {color: #555}
.bsc-home a, a.bsc-link, a.bsc-permalink {color: #0b5c7a; text-decoration: underline}
.bsc-roster {margin: .2em 0 .6em; padding-left: 1.2em}
@media (max-width: 600px) { .bsc-home h1 {font-size: 1.3em} .bsc-timeline {display: none} }

.bsc-page {max-width: 64em}
.bsc-page h1 {font-size: 1.6em; margin: .2em 0}
.bsc-page h2 {font-size: 1.25em; margin: 1em 0 .3em}
.bsc-page h3 {font-size: 1.05em; margin: .8em 0 .2em}
.bsc-crumbs a, .bsc-page a {color: #0b5c7a; text-decoration: underline}
.bsc-team-line {margin: .2em 0}
.bsc-help {color: #333; font-size: .92em; margin: 0 0 .2em; max-width: 60em}
.bsc-field {width: 100%; max-width: 60em; margin: 0 0 .35em}
.bsc-field .widget-inline-hbox {flex-direction: column; align-items: stretch; width: 100%}
.bsc-field .widget-label {width: auto !important; max-width: 100%; text-align: left !important;
  font-weight: 600; white-space: normal; line-height: 1.3; margin-bottom: .15em; height: auto !important;
  overflow: visible}
.bsc-field textarea, .bsc-field input {box-sizing: border-box; max-width: 100%}
.bsc-page .widget-checkbox {height: auto; min-height: 2em}
.bsc-page .widget-checkbox label {white-space: normal; line-height: 1.3}
.bsc-field textarea, .bsc-field input[type=text], .bsc-field input[type=date], .bsc-field select {width: 100%}
.bsc-field .widget-textarea, .bsc-field .widget-text, .bsc-field .widget-dropdown, .bsc-field .widget-datepicker {width: 100% !important}
.bsc-field-msg .bsc-msg {margin: .15em 0 0; padding: .3em .6em}
.bsc-group-label {font-weight: 600; margin: .3em 0 0}
.bsc-status {font-size: .95em; margin: .3em 0}
.bsc-status .bsc-saved {color: #1b5e20}
.bsc-status .bsc-unsaved {color: #8a4b00}
.bsc-table {border-collapse: collapse; width: 100%; max-width: 60em; font-size: .95em}
.bsc-table th, .bsc-table td {text-align: left; padding: .25em .5em; border-bottom: 1px solid #ddd; vertical-align: top}
.bsc-scroll {overflow-x: auto; max-width: 100%}
.bsc-side {display: grid; grid-template-columns: 1fr 1fr; gap: .8em; max-width: 60em}
.bsc-side > div {background: #f7f7f7; padding: .5em .7em; border-radius: 4px; overflow-wrap: anywhere}
.bsc-badge {display: inline-block; border-radius: 3px; padding: 0 .4em; font-size: .85em; border: 1px solid #666}
.bsc-quote {margin: .3em 0 .8em 0; padding-left: .7em; border-left: 3px solid #8a8a8a}
.bsc-ok {color: #1b5e20} .bsc-warn {color: #8a4b00}
.bsc-reading li {margin: .2em 0}
.bsc-page .jupyter-button, .bsc-home .jupyter-button {min-width: 8em; width: auto; height: auto; min-height: 2.2em;
  white-space: normal; padding: .2em .8em}
.jupyter-widgets :focus-visible, .bsc-page a:focus-visible {outline: 3px solid #e07a1f !important; outline-offset: 1px}
.bsc-page pre, .bsc-page td, .bsc-page li, .bsc-page p {overflow-wrap: anywhere}
.bsc-diagram svg {max-width: 100%; height: auto}
@media (max-width: 600px) { .bsc-diagram svg {max-width: none; width: 1040px} }
@media (max-width: 600px) { .bsc-page h1 {font-size: 1.3em} .bsc-side {grid-template-columns: 1fr} }
</style>"""
