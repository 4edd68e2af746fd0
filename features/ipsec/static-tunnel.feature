Feature: Two routers with static crypto maps build an IPsec tunnel as IOS 12.2 does
  R1 and R2 protect traffic between their LANs with a static crypto map: the first packet
  starts IKE (main mode, then quick mode) and is dropped, the rest travel in ESP.

  Background:
    Given the lab "examples/static-tunnel"

  Scenario Outline: <encryption>/<hash>/group <group> for IKE and <transforms> for ESP (<pfs>) carry the pings
    When I configure "R1" with:
      """
      crypto isakmp policy 10
       encryption <encryption>
       hash <hash>
       group <group>
      crypto ipsec transform-set ts <transforms>
      crypto map vpn 10
       <pfs>
      """
    And I configure "R2" with:
      """
      crypto isakmp policy 10
       encryption <encryption>
       hash <hash>
       group <group>
      crypto ipsec transform-set ts <transforms>
      crypto map vpn 10
       <pfs>
      """
    And host "pc1" pings "pc2"
    Then the ping shows ".!!!!"
    When host "pc1" pings "pc2"
    Then the ping shows "!!!!!"
    When I run "show crypto isakmp sa" on "R1"
    Then the output matches:
      """
      dst             src             state          conn-id slot
      192.168.12.2    192.168.12.1    QM_IDLE              1    0
      """
    When I run "show crypto engine connections active" on "R2"
    Then the output matches:
      """
        ID Interface            IP-Address      State  Algorithm           Encrypt  Decrypt
         1 <none>               <none>          set    <isakmp engine>        0        0
      2000 FastEthernet0/0      192.168.12.2    set    <esp engine>        0        9
      2001 FastEthernet0/0      192.168.12.2    set    <esp engine>        9        0
      """
    When I run "show crypto ipsec sa" on "R2"
    Then the output contains "#pkts encaps: 9, #pkts encrypt: 9, #pkts digest 9"
    And the output contains "#pkts decaps: 9, #pkts decrypt: 9, #pkts verify 9"
    And the output contains "transform: <sa transform> ,"
    And the output contains "local crypto endpt.: 192.168.12.2, remote crypto endpt.: 192.168.12.1"
    # The echo that started the negotiation is not a send error: IOS shows 0 after ".!!!!".
    When I run "show crypto ipsec sa" on "R1"
    Then the output contains "#send errors 0, #recv errors 0"

    Examples:
      | encryption | hash | group | transforms               | pfs            | isakmp engine       | esp engine         | sa transform             |
      | des        | md5  | 1     | esp-des esp-md5-hmac     | no set pfs     | HMAC_MD5+DES_56_CB  | HMAC_MD5+DES_56_CB | esp-des esp-md5-hmac     |
      | 3des       | sha  | 2     | esp-3des esp-sha-hmac    | set pfs group2 | HMAC_SHA+3DES_56_C  | HMAC_SHA+3DES_56_C | esp-3des esp-sha-hmac    |
      | aes 256    | sha  | 5     | esp-aes 256 esp-sha-hmac | set pfs group5 | HMAC_SHA+AES_256_C  | HMAC_SHA+AES_256_C | esp-256-aes esp-sha-hmac |

  Scenario: The debug log shows main mode, quick mode and the SAs being created, in IOS's words
    When I run "debug crypto isakmp" on "R1"
    And I run "debug crypto ipsec" on "R1"
    And host "pc1" pings "pc2"
    Then the debug log of "R1" contains in order:
      """
      IPSEC(sa_request): ,
      ISAKMP (0:1): beginning Main Mode exchange
      ISAKMP (0:1): sending packet to 192.168.12.2 (I) MM_NO_STATE
      ISAKMP (0:1): Checking ISAKMP transform 1 against priority 10 policy
      ISAKMP (0:1): atts are acceptable. Next payload is 0
      ISAKMP (0:1): sending packet to 192.168.12.2 (I) MM_SA_SETUP
      ISAKMP (0:1): sending packet to 192.168.12.2 (I) MM_KEY_EXCH
      ISAKMP (0:1): SA has been authenticated with 192.168.12.2
      ISAKMP (0:1): beginning Quick Mode exchange, M-ID of
      IPSEC(spi_response): getting spi
      ISAKMP (0:1): Checking IPsec proposal 1
      IPSEC(validate_proposal_request): proposal part #1,
      ISAKMP (0:1): Creating IPsec SAs
      inbound SA from 192.168.12.2 to 192.168.12.1 (proxy 10.2.2.0 to 10.1.1.0 )
      outbound SA from 192.168.12.1 to 192.168.12.2 (proxy 10.1.1.0 to 10.2.2.0 )
      IPSEC(initialize_sas): ,
      IPSEC(create_sa): sa created,
      """
    And the debug log of "R1" does not contain "retransmitting"

  Scenario: show crypto map and show crypto ipsec transform-set describe the configured tunnel
    When I run "show crypto map" on "R1"
    Then the output matches:
      """
      Crypto Map "vpn" 10 ipsec-isakmp
              Peer = 192.168.12.2
              Extended IP access list 110
                  access-list 110 permit ip 10.1.1.0 0.0.0.255 10.2.2.0 0.0.0.255
              Current peer: 192.168.12.2
              Security association lifetime: 4608000 kilobytes/3600 seconds
              PFS (Y/N): N
              Transform sets={ ts, }
              Interfaces using crypto map vpn:
                      FastEthernet0/0
      """
    When I run "show crypto ipsec transform-set" on "R1"
    Then the output matches:
      """
      Transform set ts: { esp-des esp-md5-hmac  }
         will negotiate = { Tunnel,  },
      """

  Scenario: Before any traffic an interface with a crypto map shows its idents with zero counters
    When I run "show crypto ipsec sa" on "R1"
    Then the output contains "local ident (addr/mask/prot/port): (10.1.1.0/255.255.255.0/0/0)"
    And the output contains "#pkts encaps: 0, #pkts encrypt: 0, #pkts digest 0"
    And the output contains "current outbound spi: 0"
    When I run "show crypto isakmp sa" on "R1"
    Then the output does not contain "192.168.12.2"

  Scenario: Traffic in the other direction starts the negotiation from R2
    When host "pc2" pings "pc1"
    Then the ping shows ".!!!!"
    When I run "show crypto isakmp sa" on "R1"
    Then the output contains "192.168.12.1 192.168.12.2 QM_IDLE 1 0"

  Scenario: clear crypto sa removes the IPsec SAs on both ends; the next packet rebuilds them under the same ISAKMP SA
    When host "pc1" pings "pc2"
    Then the ping shows ".!!!!"
    When I run "debug crypto isakmp" on "R1"
    And I run "clear crypto sa" on "R1"
    And 1 seconds pass
    And I run "show crypto ipsec sa" on "R1"
    Then the output contains "current outbound spi: 0"
    When I run "show crypto ipsec sa" on "R2"
    Then the output contains "current outbound spi: 0"
    When host "pc1" pings "pc2"
    Then the ping shows ".!!!!"
    And the debug log of "R1" contains "beginning Quick Mode exchange"
    And the debug log of "R1" does not contain "beginning Main Mode exchange"

  Scenario: clear crypto isakmp removes the ISAKMP SA but the IPsec SAs go on protecting traffic
    When host "pc1" pings "pc2"
    Then the ping shows ".!!!!"
    When I run "clear crypto isakmp" on "R1"
    And 1 seconds pass
    And I run "show crypto isakmp sa" on "R1"
    Then the output does not contain "QM_IDLE"
    When I run "show crypto isakmp sa" on "R2"
    Then the output does not contain "QM_IDLE"
    When host "pc1" pings "pc2"
    Then the ping shows "!!!!!"

  Scenario: show crypto ipsec sa by peer and by address
    When host "pc1" pings "pc2"
    And I run "show crypto ipsec sa peer 192.168.12.2" on "R1"
    Then the output contains "current_peer: 192.168.12.2"
    And the output contains "#pkts encaps: 4, #pkts encrypt: 4, #pkts digest 4"
    When I run "show crypto ipsec sa peer 192.168.12.99" on "R1"
    Then the output does not contain "current_peer"
    When I run "show crypto ipsec sa address" on "R1"
    Then the output contains "dest address: 192.168.12.1"
    And the output contains "dest address: 192.168.12.2"
    And the output contains "protocol: ESP"
    And the output contains "conn id: 2000"
    And the output contains "conn id: 2001"
