<#-- EventoNight (ADR 0033): the platform's mail frame (a card on the app's pale background, the name in
     the brand's violet). Inline styles only: mail clients drop <style> blocks. -->
<#macro emailLayout>
<!doctype html>
<html lang="${locale.language}" dir="${(ltr)?then('ltr','rtl')}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>EventoNight</title></head>
<body style="margin:0;padding:0;background:#f6f5fb;font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif">
<table role="presentation" width="100%" style="border-collapse:collapse;background:#f6f5fb"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" style="border-collapse:collapse;max-width:560px">
<tr><td style="padding:0 4px 14px;font-size:20px;font-weight:800;color:#4f2bd9;letter-spacing:-0.02em">EventoNight</td></tr>
<tr><td style="background:#ffffff;border:1px solid #e3e1ee;border-radius:14px;padding:24px;color:#1b1930;font-size:15px;line-height:1.5">
<#nested>
</td></tr>
<tr><td style="padding:14px 4px;color:#57546b;font-size:12px;line-height:1.5">${msg("eventonightMailFooter")}</td></tr>
</table></td></tr></table>
</body>
</html>
</#macro>
