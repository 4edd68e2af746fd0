Feature: TED across a provider's WAN of serial lines and a VLAN trunk
  Three sites find each other with TED through "isp", a router that knows nothing of IPsec:
  siteA on a PPP line, siteB on a Cisco HDLC line, siteC on VLAN 30 of a FastEthernet trunk.
  Each site's dynamic map with `discover` probes for the first packet no SA covers; the probe,
  IKE and ESP cross the provider like any other datagrams.

  Background:
    Given the lab "examples/ted-wan"

  Scenario: Every pair of sites discovers its peer and builds a tunnel
    When host "pc-a" pings "pc-b"
    Then the ping shows ".!!!!"
    When host "pc-a" pings "pc-c"
    Then the ping shows ".!!!!"
    When host "pc-b" pings "pc-c"
    Then the ping shows ".!!!!"
    When host "pc-c" pings "pc-a"
    Then the ping shows "!!!!!"
    When I run "show crypto isakmp sa" on "siteC"
    Then the output matches:
      """
      dst             src             state          conn-id slot
      172.16.3.2      172.16.1.2      QM_IDLE              2    0
      172.16.3.2      172.16.2.2      QM_IDLE              4    0
      """
    When I run "show crypto ipsec sa" on "siteA"
    Then the output contains "interface: Serial0/0"
    And the output contains "local crypto endpt.: 172.16.1.2, remote crypto endpt.: 172.16.2.2"
    And the output contains "local crypto endpt.: 172.16.1.2, remote crypto endpt.: 172.16.3.2"
    When I run "show crypto ipsec sa" on "siteC"
    Then the output contains "interface: FastEthernet0/0.30"

  Scenario: The provider forwards the probe and the tunnel on its serial lines and trunk without crypto
    When host "pc-a" pings "pc-c"
    Then the ping shows ".!!!!"
    When I run "show ip interface brief" on "isp"
    Then the output matches:
      """
      Interface                  IP-Address      OK? Method Status                Protocol
      FastEthernet0/0            unassigned      YES NVRAM  up                    up
      FastEthernet0/0.30         172.16.3.1      YES NVRAM  up                    up
      Serial0/0                  172.16.1.1      YES NVRAM  up                    up
      FastEthernet0/1            unassigned      YES unset  administratively down down
      Serial0/1                  172.16.2.1      YES NVRAM  up                    up
      """
    When I run "show crypto isakmp sa" on "isp"
    Then the output does not contain "QM_IDLE"

  Scenario: A line that loses its clock cuts its site off until the clock is back
    When I configure "isp" with:
      """
      interface Serial0/1
       no clock rate
      """
    And 5 seconds pass
    And host "pc-a" pings "pc-b"
    Then the ping shows "....."
    When I configure "isp" with:
      """
      interface Serial0/1
       clock rate 128000
      """
    And 5 seconds pass
    # The probe of the failed ping is retransmitted meanwhile: the tunnel is up before the next ping.
    And host "pc-a" pings "pc-b"
    Then the ping shows "!!!!!"
